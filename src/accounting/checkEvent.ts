import { formatDecimal, problem } from '../model/index.js';
import type { ActionId, EconomicEvent, Problem, Quantity } from '../model/index.js';
import { checkCorrection } from './checkCorrection.js';

/** Verdict on one event after its correction link and quantity signs are checked. */
export interface EventCheck {
  /** False when the event must be skipped entirely; the reason is in `problems`. */
  accepted: boolean;
  /** The event this one corrects, or null for an ordinary event. */
  corrected: EconomicEvent | null;
  /** The action whose effects apply: the corrected event's action for a correction. */
  action: ActionId;
  problems: Problem[];
}

function negativeField(event: EconomicEvent): [string, Quantity] | null {
  for (const field of ['resourceQuantity', 'effortQuantity'] as const) {
    const quantity = event[field];
    if (quantity !== undefined && quantity.value.isNegative() && !quantity.value.isZero()) {
      return [field, quantity];
    }
  }
  return null;
}

/**
 * Checks an event against two VF rules on corrections.
 * - Only an event that `corrects` another may carry a negative quantity, so a negative quantity
 *   elsewhere rejects the event.
 * - A correction is a signed delta with the same action as the event it corrects, and it takes
 *   that event's action effects. A different action is reported, but the corrected event's
 *   action still applies. A correction of an event not in `events` is rejected, and so is one
 *   that breaks a rule of {@link checkCorrection}: a self-correction, a correction cycle, a
 *   correction of a correction, or another provider, receiver, R or T than the corrected event's.
 */
export function checkEvent(event: EconomicEvent, events: ReadonlyMap<string, EconomicEvent>): EventCheck {
  const where = { subject: event.id, source: event.source };
  if (event.corrects === undefined) {
    const negative = negativeField(event);
    if (negative === null) {
      return { accepted: true, corrected: null, action: event.action, problems: [] };
    }
    const [field, quantity] = negative;
    const message = `Event [${event.id}] has a negative ${field} [${formatDecimal(quantity.value)} ${quantity.unit}] ` +
      'but does not correct another event; only corrections may be negative, so the event was not applied.';
    return { accepted: false, corrected: null, action: event.action, problems: [problem('error', message, where)] };
  }
  const corrected = events.get(event.corrects);
  if (corrected === undefined) {
    const message = `Event [${event.id}] corrects event [${event.corrects}], which was not found; ` +
      'the correction was not applied.';
    return { accepted: false, corrected: null, action: event.action, problems: [problem('error', message, where)] };
  }
  const broken = checkCorrection(event, corrected, events);
  if (broken !== null) {
    return { accepted: false, corrected: null, action: event.action, problems: [broken] };
  }
  const problems: Problem[] = [];
  if (corrected.action !== event.action) {
    problems.push(problem('error', `Correction [${event.id}] has action [${event.action}] but corrects event ` +
      `[${corrected.id}] with action [${corrected.action}]; the effects of [${corrected.action}] were applied.`, where));
  }
  return { accepted: true, corrected, action: corrected.action, problems };
}
