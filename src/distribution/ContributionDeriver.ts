import { checkEvent, orderEvents } from '../accounting/index.js';
import { Decimal } from '../model/index.js';
import type { ActionId, EconomicEvent, EconomicModel } from '../model/index.js';
import type { Contribution, ContributionSet } from './Contribution.js';
import type { PriceList } from './PriceList.js';

/** Actions whose provider contributes to the receiver's work; transfers count only into the network. */
const CONTRIBUTING_ACTIONS: ReadonlySet<ActionId> = new Set(['work', 'use', 'cite', 'consume', 'deliverService']);
const TRANSFER_ACTIONS: ReadonlySet<ActionId> = new Set(['transfer', 'transferAllRights']);

/** Options of {@link ContributionDeriver}. */
export interface ContributionOptions {
  /**
   * The network whose income is distributed: a transfer counts as a contribution only when this
   * agent receives it. When null, every transfer between two different agents counts.
   */
  network: string | null;
  prices: PriceList;
}

/**
 * Derives the contributions a value equation distributes over from an {@link EconomicModel}:
 * events of `work`, `use`, `cite`, `consume`, `deliverService`, and transfers into the network,
 * each credited to its provider. A correction (`vf:corrects`) adds its signed quantities to the
 * event it corrects. Events the accounting engine rejects (see `checkEvent`) and events without
 * a provider are left out.
 */
export class ContributionDeriver {
  public constructor(private readonly model: EconomicModel, private readonly options: ContributionOptions) {}

  /** Returns the contributions in replay order and the producing processes of each resource. */
  public derive(): ContributionSet {
    const byEvent = new Map<string, Contribution>();
    const corrections: [EconomicEvent, EconomicEvent][] = [];
    for (const event of orderEvents(this.model.events.values()).events) {
      const check = checkEvent(event, this.model.events);
      if (!check.accepted) {
        continue;
      }
      if (check.corrected === null) {
        const contribution = this.contributionOf(event);
        if (contribution !== null) {
          byEvent.set(event.id, contribution);
        }
      } else {
        corrections.push([event, check.corrected]);
      }
    }
    // Corrections apply after every event is read, because a correction with the same time as the
    // event it corrects may sort before it.
    for (const [event, corrected] of corrections) {
      const base = byEvent.get(corrected.id);
      if (base !== undefined) {
        base.hours = base.hours.plus(event.effortQuantity?.value ?? 0);
        base.quantity = base.quantity.plus(event.resourceQuantity?.value ?? 0);
      }
    }
    return { contributions: [...byEvent.values()], producers: this.producers() };
  }

  private contributionOf(event: EconomicEvent): Contribution | null {
    const { provider } = event;
    if (provider === undefined || !this.contributes(event, provider)) {
      return null;
    }

    // The resource, its specification and the process, for classifications, scope and prices.
    const { resources, resourceSpecifications, processes } = this.model;
    const resource = event.resourceInventoriedAs === undefined ? undefined : resources.get(event.resourceInventoriedAs);
    const specificationId = event.resourceConformsTo ?? resource?.conformsTo;
    const specification = specificationId === undefined ? undefined : resourceSpecifications.get(specificationId);
    const process = event.inputOf === undefined ? undefined : processes.get(event.inputOf);
    const resourceClassifications = [
      ...event.resourceClassifiedAs, ...resource?.classifiedAs ?? [], ...specification?.resourceClassifiedAs ?? [],
      ...specificationId === undefined ? [] : [specificationId],
    ];

    const basedOn = process?.basedOn === undefined ? [] : [process.basedOn];
    const processClassifications = [...process?.classifiedAs ?? [], ...basedOn];
    const scopes = process !== undefined && process.inScopeOf.length > 0 ? process.inScopeOf : event.inScopeOf;
    const priceOf = (field: 'valuePerUnit' | 'valuePerUnitOfUse'): Decimal | null =>
      this.priceOf(event.resourceInventoriedAs, field) ?? this.priceOf(specificationId, field);

    return {
      event: event.id,
      action: event.action,
      agent: provider,
      hours: event.effortQuantity?.value ?? new Decimal(0),
      quantity: event.resourceQuantity?.value ?? new Decimal(0),
      resource: event.resourceInventoriedAs ?? null,
      resourceClassifications: [...new Set(resourceClassifications)].sort(),
      inputOf: event.inputOf ?? null,
      processClassifications: [...new Set(processClassifications)].sort(),
      scope: [...scopes].sort()[0] ?? null,
      time: event.hasPointInTime ?? event.hasEnd ?? event.hasBeginning ?? null,
      currency: specification?.mediumOfExchange === true ? specification.id : null,
      valuePerUnit: priceOf('valuePerUnit'),
      valuePerUnitOfUse: priceOf('valuePerUnitOfUse'),
    };
  }

  private contributes(event: EconomicEvent, provider: string): boolean {
    if (CONTRIBUTING_ACTIONS.has(event.action)) {
      return true;
    }
    if (!TRANSFER_ACTIONS.has(event.action) || event.receiver === provider) {
      return false;
    }
    return this.options.network === null || event.receiver === this.options.network;
  }

  private priceOf(iri: string | undefined, field: 'valuePerUnit' | 'valuePerUnitOfUse'): Decimal | null {
    return iri === undefined ? null : this.options.prices.get(iri)?.[field] ?? null;
  }

  /** Maps each resource to the processes that produced it (`produce` events with `vf:outputOf`). */
  private producers(): Map<string, string[]> {
    const producers = new Map<string, Set<string>>();
    for (const event of this.model.events.values()) {
      if (event.action !== 'produce' || event.outputOf === undefined || event.resourceInventoriedAs === undefined) {
        continue;
      }
      const set = producers.get(event.resourceInventoriedAs) ?? new Set<string>();
      set.add(event.outputOf);
      producers.set(event.resourceInventoriedAs, set);
    }
    return new Map([...producers].map(([resource, processes]) => [resource, [...processes].sort()]));
  }
}
