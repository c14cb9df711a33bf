import type { Decimal } from '../model/index.js';
import type { FlowProgress, FlowStatus } from './coordinationStatus.js';
import { compareText } from './compareText.js';

/** The quantity still to come for one specification (or one named resource) in one unit. */
export interface RemainingTotal {
  resourceConformsTo?: string;
  resourceInventoriedAs?: string;
  unit: string;
  remaining: Decimal;
}

/** Counts of flows per status and the quantities still to come, for one plan, agent or scope. */
export interface StatusSummary {
  key: string;
  counts: Record<FlowStatus, number>;
  /** Remaining quantities of flows that are not done, summed per specification, named resource and unit. */
  remaining: RemainingTotal[];
}

/** Groups flows by the keys `keysOf` gives each one (a flow may count in several groups), sorted by key. */
export function summarizeFlows(flows: FlowProgress[], keysOf: (flow: FlowProgress) => string[]): StatusSummary[] {
  const summaries = new Map<string, StatusSummary>();
  for (const flow of flows) {
    for (const key of keysOf(flow)) {
      let summary = summaries.get(key);
      if (summary === undefined) {
        summary = { key, counts: { done: 0, late: 0, partial: 0, needed: 0 }, remaining: [] };
        summaries.set(key, summary);
      }
      summary.counts[flow.status] += 1;
      addRemaining(summary, flow);
    }
  }
  return [...summaries.values()].sort((a, b) => compareText(a.key, b.key));
}

function addRemaining(summary: StatusSummary, flow: FlowProgress): void {
  if (flow.status === 'done' || flow.quantity === undefined || flow.remaining.isZero()) {
    return;
  }
  const unit = flow.quantity.unit;
  const total = summary.remaining.find((each) => each.unit === unit &&
    each.resourceConformsTo === flow.resourceConformsTo && each.resourceInventoriedAs === flow.resourceInventoriedAs);
  if (total === undefined) {
    summary.remaining.push({
      resourceConformsTo: flow.resourceConformsTo, resourceInventoriedAs: flow.resourceInventoriedAs, unit,
      remaining: flow.remaining,
    });
  } else {
    total.remaining = total.remaining.plus(flow.remaining);
  }
}
