import type { EconomicModel } from '../model/index.js';
import { compareText } from './compareText.js';

/**
 * The part of a scope hierarchy that coordination rolls up through. The views' `ScopeTree`
 * implements it: `within` returns a scope and every scope below it, `get` a scope's parents.
 */
export interface ScopeHierarchy {
  get: (id: string) => { parents: readonly string[] } | undefined;
  within: (id: string) => Set<string>;
}

/** The links of a commitment, intent, claim or event that place it in scopes. */
export interface ScopedFlow {
  provider?: string;
  receiver?: string;
  inputOf?: string;
  outputOf?: string;
  plannedWithin?: string;
  independentDemandOf?: string;
}

/**
 * Finds the scopes a planned flow belongs to directly, and the scopes above them. A flow belongs
 * to its provider and receiver, to the `vf:inScopeOf` of its process, and to the scopes of its
 * plans. A plan's scopes are its own `vf:inScopeOf` and those of the processes planned within it.
 */
export class FlowScopes {
  private readonly planScopes = new Map<string, Set<string>>();

  public constructor(private readonly model: EconomicModel, private readonly hierarchy?: ScopeHierarchy) {
    for (const plan of model.plans?.values() ?? []) {
      plan.inScopeOf?.forEach((scope) => this.planScopesOf(plan.id).add(scope));
    }
    for (const process of model.processes.values()) {
      const plan = process.plannedWithin;
      if (plan !== undefined) {
        process.inScopeOf.forEach((scope) => this.planScopesOf(plan).add(scope));
      }
    }
  }

  /** Returns the agents a plan is in scope of, sorted; empty for a plan nothing scopes. */
  public ofPlan(plan: string): string[] {
    return [...(this.planScopes.get(plan) ?? [])].sort(compareText);
  }

  /** Returns the scopes a flow belongs to directly, sorted, given the plans it is part of. */
  public of(flow: ScopedFlow, plans: readonly string[] = []): string[] {
    const found = new Set<string>();
    for (const agent of [flow.provider, flow.receiver]) {
      if (agent !== undefined) {
        found.add(agent);
      }
    }
    for (const processId of [flow.inputOf, flow.outputOf]) {
      const process = processId === undefined ? undefined : this.model.processes.get(processId);
      process?.inScopeOf.forEach((scope) => found.add(scope));
      if (process?.plannedWithin !== undefined) {
        this.ofPlan(process.plannedWithin).forEach((scope) => found.add(scope));
      }
    }
    for (const plan of [flow.plannedWithin, flow.independentDemandOf, ...plans]) {
      if (plan !== undefined) {
        this.ofPlan(plan).forEach((scope) => found.add(scope));
      }
    }
    return [...found].sort(compareText);
  }

  /**
   * Returns the given scopes and every scope above them in the hierarchy, each once, sorted:
   * the scopes whose roll-up includes a flow that belongs to `direct`.
   */
  public rollUp(direct: readonly string[]): string[] {
    const found = new Set<string>(direct);
    const queue = [...direct];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const parent of this.hierarchy?.get(next)?.parents ?? []) {
        if (!found.has(parent)) {
          found.add(parent);
          queue.push(parent);
        }
      }
    }
    return [...found].sort(compareText);
  }

  /** Returns the scope and every scope below it, or only the scope without a hierarchy. */
  public within(scope: string): Set<string> {
    return this.hierarchy?.within(scope) ?? new Set([scope]);
  }

  private planScopesOf(plan: string): Set<string> {
    let scopes = this.planScopes.get(plan);
    if (scopes === undefined) {
      scopes = new Set();
      this.planScopes.set(plan, scopes);
    }
    return scopes;
  }
}
