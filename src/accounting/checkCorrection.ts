import { problem } from '../model/index.js';
import type { EconomicEvent, Problem } from '../model/index.js';

/** Fields a correction may omit but, when it states them, must state as the corrected event does. */
const SAME_FIELDS = ['provider', 'receiver', 'resourceInventoriedAs', 'toResourceInventoriedAs'] as const;

/**
 * Returns the events around a correction cycle that passes through `start`, in link order, or
 * null when following `corrects` from `start` never comes back to it. The walk stops at an event
 * it has already visited, so a cycle that does not include `start` also ends.
 */
function cycleThrough(start: EconomicEvent, events: ReadonlyMap<string, EconomicEvent>): string[] | null {
  const path = [start.id];
  const visited = new Set(path);
  let next = start.corrects === undefined ? undefined : events.get(start.corrects);
  while (next !== undefined && !visited.has(next.id)) {
    path.push(next.id);
    visited.add(next.id);
    next = next.corrects === undefined ? undefined : events.get(next.corrects);
  }
  return next?.id === start.id ? path : null;
}

/**
 * Checks the link between a correction and the event it corrects and returns an error for the
 * first rule it breaks, or null when the correction may be applied.
 * - An event may not correct itself, and no chain of `corrects` may lead back to the event.
 * - The corrected event must not be a correction itself. The VF 1.0 comment on `vf:corrects`
 *   states only that the initial event cannot be changed, so VF neither allows nor forbids
 *   this. We reject it because a mistaken
 *   correction can always be fixed by one more correction of the original event, and a chain
 *   would leave open which event's action, resources and agents apply.
 * - Provider, receiver, R and T of the correction, where stated, equal those of the corrected
 *   event, because a signed delta only makes sense on the same flow.
 */
export function checkCorrection(event: EconomicEvent, corrected: EconomicEvent,
  events: ReadonlyMap<string, EconomicEvent>): Problem | null {
  const where = { subject: event.id, source: event.source };
  const notApplied = 'the correction was not applied.';
  if (corrected.id === event.id) {
    return problem('error', `Event [${event.id}] corrects itself; ${notApplied}`, where);
  }
  const cycle = cycleThrough(event, events);
  if (cycle !== null) {
    return problem('error', `Event [${event.id}] is in a correction cycle [${[...cycle, event.id].join(' -> ')}]; ` +
      notApplied, where);
  }
  if (corrected.corrects !== undefined) {
    return problem('error', `Event [${event.id}] corrects event [${corrected.id}], which is itself a correction of ` +
      `[${corrected.corrects}]; correct the original event instead, so ${notApplied}`, where);
  }
  for (const field of SAME_FIELDS) {
    const stated = event[field];
    if (stated !== undefined && stated !== corrected[field]) {
      return problem('error', `Correction [${event.id}] has ${field} [${stated}] but corrects event ` +
        `[${corrected.id}] with ${field} [${corrected[field] ?? 'none'}]; ${notApplied}`, where);
    }
  }
  return null;
}
