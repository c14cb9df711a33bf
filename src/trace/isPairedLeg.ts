import type { EconomicEvent } from '../model/index.js';

type PairFamily = 'transport' | 'repair' | 'containment';

/** The paired actions: which pair each belongs to, and whether it is the input or the output side. */
const PAIRED_ACTIONS: Record<string, { family: PairFamily; side: 'input' | 'output' }> = {
  pickup: { family: 'transport', side: 'input' },
  dropoff: { family: 'transport', side: 'output' },
  accept: { family: 'repair', side: 'input' },
  modify: { family: 'repair', side: 'output' },
  combine: { family: 'containment', side: 'input' },
  separate: { family: 'containment', side: 'output' },
};

/**
 * Returns the resource a paired event moves through its process: the T of a pickup or accept
 * when it has one (the receiver's record, under an implied custody transfer), else its R. A
 * combine's T is the container, so a combine, like every output side, uses R.
 */
function resourceInProcess(event: EconomicEvent): string | undefined {
  const pair = PAIRED_ACTIONS[event.action];
  const viaT = pair?.side === 'input' && pair.family !== 'containment';
  return (viaT ? event.toResourceInventoriedAs : undefined) ?? event.resourceInventoriedAs;
}

/**
 * Tells whether a walk that entered a process through the event `via` may leave it through
 * `next`, so that a resource passing through a transport, repair or packing process that
 * handles several resources follows only its own leg. When `via` and `next` are the two sides
 * of one pair (pickup/dropoff, accept/modify, combine/separate), both must move the same
 * resource. Any other combination passes, and so does a walk that starts at the process.
 * The rule is symmetric, so tracing and tracking admit the same legs.
 */
export function isPairedLeg(via: EconomicEvent | undefined, next: EconomicEvent): boolean {
  const entered = via === undefined ? undefined : PAIRED_ACTIONS[via.action];
  const leaving = PAIRED_ACTIONS[next.action];
  if (via === undefined || entered === undefined || leaving === undefined) {
    return true;
  }
  if (entered.family !== leaving.family || entered.side === leaving.side) {
    return true;
  }
  return resourceInProcess(via) === resourceInProcess(next);
}
