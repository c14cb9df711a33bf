import type { EconomicModel, Problem } from '../model/index.js';
import { agreementBalances } from './agreementBalances.js';
import type { AgreementBalance } from './agreementBalances.js';
import { coordinationStatus } from './coordinationStatus.js';
import type { CoordinationStatus, FlowProgress } from './coordinationStatus.js';
import { FlowScopes } from './FlowScopes.js';
import type { ScopeHierarchy, ScopedFlow } from './FlowScopes.js';
import { matchOffersAndNeeds } from './matchOffersAndNeeds.js';
import type { NeedMatches } from './matchOffersAndNeeds.js';
import { summarizeFlows } from './summarizeFlows.js';

/** Which flows {@link NetworkCoordination.status} reports, and the instant it judges lateness at. */
export interface CoordinationFilter {
  /** The current time, an `xsd:dateTime`; flows due before it and not done are late. */
  now: string;
  /** Only flows that belong to this scope or any scope below it. */
  scope?: string;
  /** Only flows of this plan. */
  plan?: string;
  /** Only flows this agent provides or receives. */
  agent?: string;
}

/**
 * Coordination across a network of networks: the status of commitments, intents and claims, the
 * matches of needs to offers, and agreement balances, each narrowed to a scope and everything
 * below it in the hierarchy. A flow belongs to the scopes {@link FlowScopes} finds: its agents,
 * its process's scope and its plans' scopes. So a network's status includes the plans of its
 * sub-networks, organizations and projects.
 */
export class NetworkCoordination {
  private readonly scopes: FlowScopes;

  public constructor(private readonly model: EconomicModel, hierarchy?: ScopeHierarchy) {
    this.scopes = new FlowScopes(model, hierarchy);
  }

  /**
   * Computes the status of the flows the filter selects. `byPlan` and `byAgent` summarize them;
   * `byScope` summarizes, for every scope, the selected flows within it and below it, so a
   * network's line counts its sub-networks' flows too. With a scope filter, `byScope` lists only
   * that scope and the scopes below it. Problems are those about the selected flows and the events
   * that met them.
   */
  public status(filter: CoordinationFilter): CoordinationStatus {
    const all = coordinationStatus(this.model, filter.now);
    const within = filter.scope === undefined ? undefined : this.scopes.within(filter.scope);
    const direct = new Map(all.flows.map((flow) => [flow.id, this.scopes.of(this.linksOf(flow), flow.plans)]));
    const flows = all.flows.filter((flow) =>
      (filter.plan === undefined || flow.plans.includes(filter.plan)) &&
      (filter.agent === undefined || flow.provider === filter.agent || flow.receiver === filter.agent) &&
      (within === undefined || direct.get(flow.id)!.some((scope) => within.has(scope))));
    const rolledUp = (flow: FlowProgress): string[] => this.scopes.rollUp(direct.get(flow.id)!)
      .filter((scope) => within === undefined || within.has(scope));
    const subjects = new Set(flows.flatMap((flow) => [flow.id, ...flow.metBy]));
    return {
      flows,
      byPlan: summarizeFlows(flows, (flow) => flow.plans),
      byAgent: summarizeFlows(flows, agentsOf),
      byScope: summarizeFlows(flows, rolledUp),
      problems: all.problems.filter((found) => isAbout(found, subjects)),
    };
  }

  /**
   * Matches needs to offers across the whole model. With a scope, only the needs that belong to it
   * or a scope below it are listed, but their offers may come from anywhere. A need that names no
   * agent, process or plan belongs to no scope, so it is listed only without one.
   */
  public offersAndNeeds(scope?: string): NeedMatches[] {
    const matches = matchOffersAndNeeds(this.model);
    if (scope === undefined) {
      return matches;
    }
    const within = this.scopes.within(scope);
    return matches.filter((match) => {
      const need = this.model.intents?.get(match.need);
      return need !== undefined && this.scopes.of(need).some((each) => within.has(each));
    });
  }

  /**
   * Balances the agreements. With a scope, only agreements with a commitment or event that belongs
   * to the scope or a scope below it are listed, each with both of its sides in full.
   */
  public agreements(scope?: string): AgreementBalance[] {
    const balances = agreementBalances(this.model);
    if (scope === undefined) {
      return balances;
    }
    const within = this.scopes.within(scope);
    return balances.filter((balance) => {
      const ids = [balance.primary, balance.reciprocal].flatMap((side) => [...side.commitments, ...side.events]);
      const flows = ids.flatMap((id) => this.model.commitments?.get(id) ?? this.model.events.get(id) ?? []);
      return flows.some((flow) => this.scopes.of(flow).some((each) => within.has(each)));
    });
  }

  /** Tells whether a plan of this IRI is stated, or planned flows name it. */
  public hasPlan(plan: string): boolean {
    if (this.model.plans?.has(plan) === true) {
      return true;
    }
    const planned = [...this.model.processes.values(), ...(this.model.commitments?.values() ?? [])];
    return planned.some((flow) => flow.plannedWithin === plan);
  }

  /** Returns the links of the commitment, intent or claim a progress entry was computed for. */
  private linksOf(flow: FlowProgress): ScopedFlow {
    if (flow.kind === 'commitment') {
      return this.model.commitments?.get(flow.id) ?? flow;
    }
    return flow.kind === 'intent' ? this.model.intents?.get(flow.id) ?? flow : flow;
  }
}

function agentsOf(flow: FlowProgress): string[] {
  return [...new Set([flow.provider, flow.receiver].flatMap((agent) => agent ?? []))];
}

function isAbout(found: Problem, subjects: Set<string>): boolean {
  return found.subject !== null && subjects.has(found.subject);
}
