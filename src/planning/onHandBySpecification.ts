import { computeInventory } from '../accounting/index.js';
import { Decimal } from '../model/index.js';
import type { EconomicModel } from '../model/index.js';

/** On-hand totals of one resource specification, keyed by unit IRI. */
export type OnHandTotals = Map<string, Decimal>;

/**
 * Sums the derived on-hand quantity of every resource per resource specification and unit,
 * replaying the model's events with the {@link computeInventory} of the accounting engine.
 * A resource's specification is its `vf:conformsTo`, else the `vf:resourceConformsTo` of the
 * first event naming it. Resources with no specification or no quantity are left out.
 */
export function onHandBySpecification(model: EconomicModel): Map<string, OnHandTotals> {
  const specifications = resourceSpecifications(model);
  const totals = new Map<string, OnHandTotals>();
  for (const state of computeInventory(model).resources) {
    const specification = specifications.get(state.id);
    const quantity = state.onhandQuantity;
    if (specification === undefined || quantity === null) {
      continue;
    }
    const byUnit = totals.get(specification) ?? new Map<string, Decimal>();
    byUnit.set(quantity.unit, (byUnit.get(quantity.unit) ?? new Decimal(0)).plus(quantity.value));
    totals.set(specification, byUnit);
  }
  return totals;
}

function resourceSpecifications(model: EconomicModel): Map<string, string> {
  const found = new Map<string, string>();
  for (const resource of model.resources.values()) {
    if (resource.conformsTo !== undefined) {
      found.set(resource.id, resource.conformsTo);
    }
  }
  for (const event of model.events.values()) {
    for (const resource of [event.resourceInventoriedAs, event.toResourceInventoriedAs]) {
      if (resource !== undefined && event.resourceConformsTo !== undefined && !found.has(resource)) {
        found.set(resource, event.resourceConformsTo);
      }
    }
  }
  return found;
}
