import { Decimal, formatDecimal, problem } from '../model/index.js';
import type {
  ActionId, Claim, Commitment, EconomicEvent, EconomicModel, Intent, Problem, Quantity,
} from '../model/index.js';
import { flowQuantity, matchingQuantity } from './flowQuantity.js';
import type { FlowQuantities } from './flowQuantity.js';
import { Instant } from './Instant.js';
import { summarizeFlows } from './summarizeFlows.js';
import type { StatusSummary } from './summarizeFlows.js';
import { compareText } from './compareText.js';

/**
 * Status of a planned flow: `done` when finished or fully met, `late` when not done and due
 * before now, `partial` when partly met and not late, `needed` when nothing has met it yet.
 */
export type FlowStatus = 'done' | 'late' | 'partial' | 'needed';

/** The progress of one commitment (fulfilled by events), intent (satisfied) or claim (settled). */
export interface FlowProgress {
  id: string;
  kind: 'commitment' | 'intent' | 'claim';
  action: ActionId;
  resourceConformsTo?: string;
  /** The specific resource a commitment or intent names, when it names one. */
  resourceInventoriedAs?: string;
  provider?: string;
  receiver?: string;
  /** The flow's `vf:due`, else its end or point in time, else the due time of its plan. */
  due?: string;
  /** The planned quantity, absent when the flow states none. */
  quantity?: Quantity;
  /** Quantity met so far, in the planned quantity's unit; zero without a planned quantity. */
  met: Decimal;
  /** Planned quantity minus what was met, never below zero; zero when done or without a planned quantity. */
  remaining: Decimal;
  status: FlowStatus;
  /** Events (and, for intents, commitments) that met the flow. */
  metBy: string[];
  plans: string[];
  scopes: string[];
}

/** {@link coordinationStatus}: every flow, and summaries per plan, per agent and per scope. */
export interface CoordinationStatus {
  flows: FlowProgress[];
  byPlan: StatusSummary[];
  byAgent: StatusSummary[];
  byScope: StatusSummary[];
  problems: Problem[];
}

/** A planned flow with the times and links that the three kinds share. */
type PlannedOrClaim = (Commitment | Intent | Claim) & { hasEnd?: string; hasPointInTime?: string };

/**
 * Computes the coordination status of every commitment, intent and claim at the instant `now`.
 * VF 1.0 links these without a quantity on the link (`vf:fulfills`, `vf:satisfies`, `vf:settles`),
 * so each meeting flow counts with its whole quantity. It counts in the field the planned flow is
 * measured by, and only in the same unit. `vf:finished true` closes a flow whatever the
 * quantities. An intent is met by events that satisfy it and by the quantity of commitments that
 * satisfy it.
 */
export function coordinationStatus(model: EconomicModel, now: string): CoordinationStatus {
  const at = Instant.parse(now, 'current time');
  const problems: Problem[] = [];
  const events = [...model.events.values()];
  const commitments = [...(model.commitments?.values() ?? [])];
  const fulfilling = indexBy(events, (event) => event.fulfills);
  const satisfying = indexBy([...events, ...commitments], (flow) => flow.satisfies);
  const settling = indexBy(events, (event) => event.settles);
  const flows: FlowProgress[] = [];
  for (const commitment of commitments) {
    flows.push(progress(model, 'commitment', commitment, fulfilling.get(commitment.id) ?? [], at, problems));
  }
  for (const intent of model.intents?.values() ?? []) {
    flows.push(progress(model, 'intent', intent, satisfying.get(intent.id) ?? [], at, problems));
  }
  for (const claim of model.claims?.values() ?? []) {
    flows.push(progress(model, 'claim', claim, settling.get(claim.id) ?? [], at, problems));
  }
  flows.sort((a, b) => compareText(a.id, b.id));
  return {
    flows,
    byPlan: summarizeFlows(flows, (flow) => flow.plans),
    byAgent: summarizeFlows(flows, agentsOf),
    byScope: summarizeFlows(flows, (flow) => flow.scopes),
    problems,
  };
}

/** Groups items under each key they name, in their order, so each flow finds what met it without a scan. */
function indexBy<T>(items: T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = index.get(key);
      if (group === undefined) {
        index.set(key, [item]);
      } else {
        group.push(item);
      }
    }
  }
  return index;
}

function agentsOf(flow: FlowProgress): string[] {
  return [...new Set([flow.provider, flow.receiver].flatMap((agent) => agent ?? []))];
}

function progress(
  model: EconomicModel, kind: FlowProgress['kind'], flow: PlannedOrClaim,
  meeting: (EconomicEvent | Commitment)[], now: Instant, problems: Problem[],
): FlowProgress {
  const planned = kind === 'intent' ? flowQuantity(flow) ?? (flow as Intent).availableQuantity : flowQuantity(flow);
  const met = sumMet(flow, planned, meeting, problems);
  const unmet = planned === undefined ? new Decimal(0) : Decimal.max(planned.value.minus(met), 0);
  const complete = flow.finished === true || (planned === undefined ? meeting.length > 0 : unmet.isZero());
  const remaining = complete ? new Decimal(0) : unmet;
  const plans = plansOf(model, flow);
  const due = flow.due ?? flow.hasEnd ?? flow.hasPointInTime ??
    plans.map((plan) => model.plans?.get(plan)?.due).find((time) => time !== undefined);
  let status: FlowStatus = 'needed';
  if (complete) {
    status = 'done';
  } else if (due !== undefined && isBefore(due, now, flow.id, problems)) {
    status = 'late';
  } else if (met.gt(0) || (planned === undefined && meeting.length > 0)) {
    status = 'partial';
  }
  return {
    id: flow.id, kind, action: flow.action, resourceConformsTo: flow.resourceConformsTo,
    resourceInventoriedAs: 'resourceInventoriedAs' in flow ? flow.resourceInventoriedAs : undefined,
    provider: flow.provider, receiver: flow.receiver, due, quantity: planned, met, remaining, status,
    metBy: meeting.map((each) => each.id).sort(), plans, scopes: scopesOf(model, flow),
  };
}

function sumMet(
  flow: PlannedOrClaim, planned: Quantity | undefined, meeting: (FlowQuantities & { id: string })[],
  problems: Problem[],
): Decimal {
  let met = new Decimal(0);
  if (planned === undefined) {
    return met;
  }
  const measuredBy: FlowQuantities = flow.resourceQuantity === undefined && flow.effortQuantity === undefined
    ? { resourceQuantity: planned } : flow;
  for (const each of meeting) {
    const quantity = matchingQuantity(measuredBy, each);
    if (quantity === undefined) {
      continue;
    }
    if (quantity.unit !== planned.unit) {
      problems.push(problem('warning', `[${each.id}] meets [${flow.id}] in [${quantity.unit}], expected ` +
        `[${planned.unit}]; its [${formatDecimal(quantity.value)}] was not counted`, { subject: each.id }));
      continue;
    }
    met = met.plus(quantity.value);
  }
  return met;
}

function isBefore(due: string, now: Instant, subject: string, problems: Problem[]): boolean {
  try {
    return Instant.parse(due).compare(now) < 0;
  } catch {
    problems.push(problem('warning', `[${subject}] has the due time [${due}], which is no xsd:dateTime; ` +
      'its lateness was not checked', { subject }));
    return false;
  }
}

/** Plans of a flow: its own `vf:plannedWithin` / `vf:independentDemandOf`, else its process's plan. */
function plansOf(model: EconomicModel, flow: PlannedOrClaim): string[] {
  const own = 'plannedWithin' in flow ? [flow.plannedWithin, (flow as Commitment).independentDemandOf] : [];
  const processes = processesOf(flow).map((id) => model.processes.get(id)?.plannedWithin);
  return [...new Set([...own, ...processes].flatMap((plan) => plan ?? []))].sort();
}

/** Scopes of a flow: the `vf:inScopeOf` of its process, the only scoping property VF 1.0 keeps. */
function scopesOf(model: EconomicModel, flow: PlannedOrClaim): string[] {
  return [...new Set(processesOf(flow).flatMap((id) => model.processes.get(id)?.inScopeOf ?? []))].sort();
}

function processesOf(flow: PlannedOrClaim): string[] {
  return 'inputOf' in flow || 'outputOf' in flow
    ? [(flow as Commitment).inputOf, (flow as Commitment).outputOf].flatMap((id) => id ?? []) : [];
}
