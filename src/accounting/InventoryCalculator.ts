import type { EconomicModel, Problem } from '../model/index.js';
import { checkEvent } from './checkEvent.js';
import { compareStatedQuantities } from './compareStatedQuantities.js';
import { EffectApplier } from './EffectApplier.js';
import { orderEvents } from './orderEvents.js';
import { ResourceLedger } from './ResourceLedger.js';
import { reportNegativeQuantities } from './reportNegativeQuantities.js';
import type { ResourceState } from './ResourceLedger.js';

/** Derived state of every resource, sorted by IRI, and the problems found while deriving it. */
export interface InventoryResult {
  resources: ResourceState[];
  /** Problems found by the calculation; those the model reader found stay in `model.problems`. */
  problems: Problem[];
}

/**
 * Derives resource inventories by replaying economic events, because in VF every economic
 * change to a resource comes from an event.
 *
 * - Order: event time (`hasPointInTime`, else `hasEnd`, else `hasBeginning`), then `created`,
 *   then IRI; undated events come first (see {@link orderEvents}).
 * - Effects: the VF action table ({@link ActionEffects}) on R (`resourceInventoriedAs`) and T
 *   (`toResourceInventoriedAs`), plus VF's implied transfers (see {@link EffectApplier}).
 *   Effects marked `new` apply only to a resource this event creates, which is the first event to
 *   name it, when the action may create that side (R for `optional`, T for `optionalTo` or an
 *   implied transfer).
 * - Custodian (not a VF property): the agent with physical custody of the record's onhand
 *   quantity. It becomes the receiver when an event creates the record or moves onhand quantity
 *   onto it as T, and R's receiver for an implied custody transfer without T; until then it is
 *   the primaryAccountable.
 * - Corrections add their signed quantity with the corrected event's effects; a negative
 *   quantity anywhere else rejects the event (see {@link checkEvent}).
 * - Units are compared by IRI and never converted: an event in another unit than its resource's
 *   is reported and changes no quantity, but its other effects still apply.
 * - Every resource document yields a state, and every resource an event names does too.
 *   Quantities a document states are compared with the derived ones (see
 *   {@link compareStatedQuantities}); its accountable agent, location, container, stage and
 *   state are the starting values that events then override.
 * - A quantity that ends below zero is reported as a warning (see {@link reportNegativeQuantities}).
 */
export class InventoryCalculator {
  public constructor(private readonly model: EconomicModel) {}

  /** Replays the model's events and returns the inventory. */
  public compute(): InventoryResult {
    const ledger = new ResourceLedger(this.model.resources);
    const applier = new EffectApplier(ledger, this.model.processes);
    const ordered = orderEvents(this.model.events.values());
    const problems: Problem[] = [...ordered.problems];
    for (const event of ordered.events) {
      const check = checkEvent(event, this.model.events);
      problems.push(...check.problems);
      if (!check.accepted) {
        continue;
      }
      if (check.corrected === null) {
        applier.applyEvent(event);
      } else {
        applier.applyCorrection(event, check.corrected, check.action);
      }
    }
    const resources = ledger.snapshot();
    problems.push(...applier.problems, ...compareStatedQuantities(this.model.resources, resources),
      ...reportNegativeQuantities(ledger, this.model.events));
    return { resources, problems };
  }
}

/** Computes the inventory of a model; shorthand for `new InventoryCalculator(model).compute()`. */
export function computeInventory(model: EconomicModel): InventoryResult {
  return new InventoryCalculator(model).compute();
}
