import { Decimal, problem } from '../model/index.js';
import type { EconomicEvent, EconomicModel, Problem, Quantity } from '../model/index.js';
import { checkEvent } from './checkEvent.js';
import { compareCodeUnits } from './compareCodeUnits.js';
import { contributionParts } from './contributionParts.js';
import type { ContributionKind, ContributionPart } from './contributionParts.js';
import { orderEvents } from './orderEvents.js';

/** The sum of one agent's contributions of one kind in one unit, with the events behind it. */
export interface ContributionTotal {
  kind: ContributionKind;
  unit: string;
  /**
   * The ResourceSpecification amounts are summed per: the currency for money, the resource's
   * specification (`resourceConformsTo`, else the `conformsTo` of R) for a resource, and null
   * for other kinds or a resource without one.
   */
  specification: string | null;
  quantity: Decimal;
  /** IRIs of the contributing events and their corrections, in replay order. */
  events: string[];
}

/** A {@link ContributionTotal} narrowed to one scope and one process. */
export interface ContributionLine extends ContributionTotal {
  /** The agent the process is in scope of (`inScopeOf`), or null when none is stated. */
  scope: string | null;
  /** The process the event is input or output of, or null. */
  process: string | null;
}

/** Everything one agent contributed. */
export interface AgentContributions {
  agent: string;
  totals: ContributionTotal[];
  lines: ContributionLine[];
}

/** Contributions of every providing agent, sorted by agent IRI, and the problems found. */
export interface ContributionResult {
  agents: AgentContributions[];
  problems: Problem[];
}

interface LineEntry {
  agent: string;
  line: ContributionLine;
}

function compareLines(a: ContributionLine, b: ContributionLine): number {
  return compareCodeUnits(a.kind, b.kind) || compareCodeUnits(a.unit, b.unit) ||
    compareCodeUnits(a.specification, b.specification) || compareCodeUnits(a.scope, b.scope) ||
    compareCodeUnits(a.process, b.process);
}

/**
 * Sums each agent's contributions (see {@link contributionParts}) per kind, unit and resource
 * specification, and per scope
 * and process. The contributing agent is the event's provider. The scope is the `inScopeOf` of
 * the process the event is input or output of, or the event's own `inScopeOf` as pre-1.0 data
 * states it. A correction adds its signed quantity to the line of the event it corrects, under
 * that event's agent, kind, scope and process. Units are compared by IRI and never converted.
 */
export class ContributionCalculator {
  private readonly problems: Problem[] = [];
  private readonly entries = new Map<string, LineEntry>();
  private readonly rank = new Map<string, number>();

  public constructor(private readonly model: EconomicModel) {}

  /** Returns the contributions of every agent that provided a contributing event. */
  public compute(): ContributionResult {
    this.problems.length = 0;
    this.entries.clear();
    this.rank.clear();
    const ordered = orderEvents(this.model.events.values());
    this.problems.push(...ordered.problems);
    ordered.events.forEach((event, index) => this.rank.set(event.id, index));
    for (const event of ordered.events) {
      const check = checkEvent(event, this.model.events);
      this.problems.push(...check.problems);
      if (check.accepted) {
        this.addEvent(event, check.corrected ?? event);
      }
    }
    return { agents: this.agentResults(), problems: [...this.problems] };
  }

  /** Adds `event`'s quantities to the lines of `base`: the event itself, or the one it corrects. */
  private addEvent(event: EconomicEvent, base: EconomicEvent): void {
    const parts = contributionParts(base, this.model);
    const where = { subject: event.id, source: event.source };
    const measured = parts.filter((part) => event[part.field] !== undefined);
    if (parts.length > 0 && measured.length === 0) {
      const fields = [...new Set(parts.map((part) => part.field))].join(' or ');
      this.problems.push(problem('warning', `Event [${event.id}] with action [${base.action}] has no ${fields}; ` +
        'it adds no contribution.', where));
      return;
    }
    if (measured.length > 0 && base.provider === undefined) {
      this.problems.push(problem('warning', `Event [${event.id}] has no provider, so its contribution is not ` +
        'credited to any agent.', where));
      return;
    }
    for (const part of measured) {
      const quantity = event[part.field] as Quantity;
      const expected = base[part.field]?.unit;
      if (base !== event && expected !== undefined && expected !== quantity.unit) {
        this.problems.push(problem('error', `Correction [${event.id}] has ${part.field} in unit [${quantity.unit}] ` +
          `but corrects event [${base.id}] in unit [${expected}]; the correction was not added.`, where));
        continue;
      }
      this.addToLine(base.provider as string, part, quantity, this.scopeOf(base, event), base, event.id);
    }
  }

  private addToLine(agent: string, part: ContributionPart, quantity: Quantity, scope: string | null,
    base: EconomicEvent, eventId: string): void {
    const process = base.inputOf ?? base.outputOf ?? null;
    const { kind } = part;
    const specification = part.specification ?? null;
    const key = JSON.stringify([agent, kind, quantity.unit, specification, scope, process]);
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const line = { kind, unit: quantity.unit, specification, quantity: new Decimal(0), scope, process, events: [] };
      entry = { agent, line };
      this.entries.set(key, entry);
    }
    entry.line.quantity = entry.line.quantity.plus(quantity.value);
    // Events arrive in replay order, so a repeat of the same event can only be the last one listed.
    if (entry.line.events.at(-1) !== eventId) {
      entry.line.events.push(eventId);
    }
  }

  /**
   * Returns the scope of an event's contribution. VF 1.0 allows one `inScopeOf` per process;
   * when data states several, the first in IRI order is used and the others are reported.
   */
  private scopeOf(base: EconomicEvent, event: EconomicEvent): string | null {
    const processId = base.inputOf ?? base.outputOf;
    const process = processId === undefined ? undefined : this.model.processes.get(processId);
    const scopes = process !== undefined && process.inScopeOf.length > 0 ? process.inScopeOf : base.inScopeOf;
    const sorted = [...new Set(scopes)].sort(compareCodeUnits);
    if (sorted.length > 1) {
      this.problems.push(problem('warning', `Event [${event.id}] is in several scopes [${sorted.join(', ')}]; ` +
        `its contribution was counted in [${sorted[0]}] only.`, { subject: event.id, source: event.source }));
    }
    return sorted[0] ?? null;
  }

  private agentResults(): AgentContributions[] {
    const byAgent = new Map<string, ContributionLine[]>();
    for (const { agent, line } of this.entries.values()) {
      line.events.sort((a, b) => (this.rank.get(a) ?? 0) - (this.rank.get(b) ?? 0));
      byAgent.set(agent, [...(byAgent.get(agent) ?? []), line]);
    }
    return [...byAgent.keys()].sort(compareCodeUnits).map((agent) => {
      const lines = (byAgent.get(agent) ?? []).sort(compareLines);
      return { agent, totals: this.totalsOf(lines), lines };
    });
  }

  private totalsOf(lines: ContributionLine[]): ContributionTotal[] {
    const totals = new Map<string, { total: ContributionTotal; events: Set<string> }>();
    for (const line of lines) {
      const key = JSON.stringify([line.kind, line.unit, line.specification]);
      const total = {
        kind: line.kind, unit: line.unit, specification: line.specification, quantity: new Decimal(0), events: [],
      };
      const entry = totals.get(key) ?? { total, events: new Set<string>() };
      entry.total.quantity = entry.total.quantity.plus(line.quantity);
      for (const id of line.events) {
        entry.events.add(id);
      }
      totals.set(key, entry);
    }
    const sorted = [...totals.values()].map(({ total, events }) => ({ ...total, events: [...events] }))
      .sort((a, b) => compareCodeUnits(a.kind, b.kind) || compareCodeUnits(a.unit, b.unit) ||
        compareCodeUnits(a.specification, b.specification));
    for (const total of sorted) {
      total.events.sort((a, b) => (this.rank.get(a) ?? 0) - (this.rank.get(b) ?? 0));
    }
    return sorted;
  }
}

/** Computes the contributions of a model; shorthand for `new ContributionCalculator(model).compute()`. */
export function computeContributions(model: EconomicModel): ContributionResult {
  return new ContributionCalculator(model).compute();
}
