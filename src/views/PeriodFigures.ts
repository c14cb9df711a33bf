import { checkEvent, computeContributions, computeInventory, orderEvents } from '../accounting/index.js';
import type { ContributionResult, InventoryResult } from '../accounting/index.js';
import type { EconomicEvent, EconomicModel } from '../model/index.js';
import { modelForPeriod } from './Period.js';
import type { Period } from './Period.js';

/** An accepted event of a period and the event whose action, agents and process it counts under. */
export interface CountedEvent {
  event: EconomicEvent;
  /** The event itself, or for a correction the event it corrects. */
  base: EconomicEvent;
}

/**
 * The network-wide figures of one period, computed once and then narrowed to each scope: the
 * inventory at the period's end (every event before `to`), and the contributions and accepted
 * events within the period.
 */
export interface PeriodFigures {
  /** The events of the period (see {@link modelForPeriod}), with the rest of the model unchanged. */
  model: EconomicModel;
  /** Accepted events of the period in replay order. */
  events: CountedEvent[];
  /** Replay position of each accepted event, for sorting provenance lists. */
  rank: Map<string, number>;
  inventory: InventoryResult;
  contributions: ContributionResult;
}

/**
 * Computes the {@link PeriodFigures} of `model` for `period`. With a scope filter, only the events
 * `isInScope` accepts count in the events and contributions, while the inventory still replays
 * every event, because holdings do not depend on where they were made.
 */
export function computePeriodFigures(model: EconomicModel, period: Period,
  isInScope: (event: CountedEvent) => boolean = () => true): PeriodFigures {
  const inPeriod = filterEvents(modelForPeriod(model, period), isInScope);
  const untilEnd = modelForPeriod(model, { ...period, from: null, fromText: null });
  const events: CountedEvent[] = [];
  for (const event of orderEvents(inPeriod.events.values()).events) {
    const check = checkEvent(event, inPeriod.events);
    if (check.accepted) {
      events.push({ event, base: check.corrected ?? event });
    }
  }
  return {
    model: inPeriod,
    events,
    rank: new Map(events.map((counted, index) => [counted.event.id, index])),
    inventory: computeInventory(untilEnd),
    contributions: computeContributions(inPeriod),
  };
}

/** Returns a copy of the model without the events `keep` rejects; a correction is judged by the event it corrects. */
function filterEvents(model: EconomicModel, keep: (event: CountedEvent) => boolean): EconomicModel {
  const events = new Map<string, EconomicEvent>();
  for (const event of model.events.values()) {
    const base = event.corrects === undefined ? event : model.events.get(event.corrects) ?? event;
    if (keep({ event, base })) {
      events.set(event.id, event);
    }
  }
  return events.size === model.events.size ? model : { ...model, events };
}
