import type { EconomicEvent, EconomicModel } from '../model/index.js';

/** Kind of contribution an agent makes through an event. */
export type ContributionKind = 'work' | 'resource' | 'money' | 'equipmentUse' | 'citation' | 'service';

/** One kind of contribution an event makes, and which of its quantities measures it. */
export interface ContributionPart {
  kind: ContributionKind;
  field: 'resourceQuantity' | 'effortQuantity';
  /**
   * The currency's ResourceSpecification for money and the resource's ResourceSpecification for
   * a resource, so amounts of different currencies or kinds of resource are never summed.
   */
  specification?: string;
}

/** Returns the event's `resourceConformsTo`, else the `conformsTo` of its resource R, or undefined. */
function specificationOf(event: EconomicEvent, model: EconomicModel): string | undefined {
  const resourceId = event.resourceInventoriedAs;
  const resource = resourceId === undefined ? undefined : model.resources.get(resourceId);
  return event.resourceConformsTo ?? resource?.conformsTo;
}

/**
 * Returns the currency an event moves, or undefined when it moves no money. VF recommends modelling a currency as a
 * ResourceSpecification with `mediumOfExchange true`, so this checks the event's
 * `resourceConformsTo`, or the `conformsTo` of its resource R when that is absent. Older data
 * used currencies as units, so a unit IRI naming such a specification also counts.
 */
function currencyOf(event: EconomicEvent, model: EconomicModel): string | undefined {
  const isCurrency = (iri: string | undefined): iri is string =>
    iri !== undefined && model.resourceSpecifications.get(iri)?.mediumOfExchange === true;
  const specification = specificationOf(event, model);
  if (isCurrency(specification)) {
    return specification;
  }
  const unit = event.resourceQuantity?.unit;
  return isCurrency(unit) ? unit : undefined;
}

/**
 * Returns the contributions an event's provider makes through it, by action.
 * - `work`: its effort.
 * - `use`: equipment use, by effort and by resource quantity, whichever it has.
 * - `cite`: a citation. `deliverService`: a service.
 * - `consume`, `transfer`, `transferAllRights`: `money` when they move a currency, else `resource`,
 *   each with its ResourceSpecification (a resource without one has none).
 *
 * Other actions (production, transport, custody moves, raise, lower…) are not contributions, and
 * neither is an event that settles a claim (`vf:settles`), such as a payout of a distribution
 * run: it pays for something received, so it is reciprocity rather than a contribution.
 */
export function contributionParts(event: EconomicEvent, model: EconomicModel): ContributionPart[] {
  if (event.settles.length > 0) {
    return [];
  }
  switch (event.action) {
    case 'work':
      return [{ kind: 'work', field: 'effortQuantity' }];
    case 'use':
      return [{ kind: 'equipmentUse', field: 'effortQuantity' }, { kind: 'equipmentUse', field: 'resourceQuantity' }];
    case 'cite':
      return [{ kind: 'citation', field: 'resourceQuantity' }];
    case 'deliverService':
      return [{ kind: 'service', field: 'resourceQuantity' }];
    case 'consume':
    case 'transfer':
    case 'transferAllRights': {
      const currency = currencyOf(event, model);
      if (currency !== undefined) {
        return [{ kind: 'money', field: 'resourceQuantity', specification: currency }];
      }
      const specification = specificationOf(event, model);
      return specification === undefined
        ? [{ kind: 'resource', field: 'resourceQuantity' }]
        : [{ kind: 'resource', field: 'resourceQuantity', specification }];
    }
    default:
      return [];
  }
}
