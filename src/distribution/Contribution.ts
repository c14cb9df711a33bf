import type { ActionId, Decimal } from '../model/index.js';

/** One contributing event as a value equation reads it, with its corrections applied. */
export interface Contribution {
  /** IRI of the event. */
  event: string;
  action: ActionId;
  /** The provider, who is credited with the contribution. */
  agent: string;
  /** The effort quantity's value, 0 when the event has none. */
  hours: Decimal;
  /** The resource quantity's value, 0 when the event has none. */
  quantity: Decimal;
  /** The resource used, consumed or cited (`vf:resourceInventoriedAs`), or null. */
  resource: string | null;
  /** `vf:resourceClassifiedAs` of the event, its resource and its specification, and the specification's IRI. */
  resourceClassifications: string[];
  /** The process the event is input of, or null. */
  inputOf: string | null;
  /** `vf:classifiedAs` and `vf:basedOn` of that process. */
  processClassifications: string[];
  /** `vf:inScopeOf` of the process, or of the event in pre-1.0 data; the first in IRI order. */
  scope: string | null;
  /** The event's time as written: `hasPointInTime`, else `hasEnd`, else `hasBeginning`; null when none. */
  time: string | null;
  /** The currency the event moves (a ResourceSpecification with `vf:mediumOfExchange true`), or null. */
  currency: string | null;
  /** Stated prices (`oce:valuePerUnit`, `oce:valuePerUnitOfUse`) of the resource or its specification. */
  valuePerUnit: Decimal | null;
  valuePerUnitOfUse: Decimal | null;
}

/** Contributions and, for the backward flow of value, which processes produced each resource. */
export interface ContributionSet {
  contributions: Contribution[];
  /** Resource IRI to the IRIs of the processes with a `produce` event of it, sorted. */
  producers: ReadonlyMap<string, readonly string[]>;
}
