import type { NamedNode } from 'n3';
import { VF } from '../vocab/index.js';

/** Names of the containers under `<storage>/rea/`. */
export const REA_CONTAINERS = [
  'events', 'resources', 'processes', 'agents', 'plans', 'recipes', 'agreements', 'commitments', 'intents',
] as const;

/** One of {@link REA_CONTAINERS}. */
export type ReaContainer = (typeof REA_CONTAINERS)[number];

/** Visibility of the type index that lists a registration. */
export type IndexVisibility = 'public' | 'private';

/** A type registration that `oce pod init` writes: instances of `forClass` live in `container`. */
export interface LayoutRegistration {
  forClass: NamedNode;
  container: ReaContainer;
  visibility: IndexVisibility;
}

/**
 * The registrations of the pod layout. Economic records between members (events, commitments,
 * agreements) are listed in the private type index, so only agents granted read on it find them.
 * The rest is listed publicly. A listing reveals locations only, because reading the data still
 * needs a grant on `/rea/`.
 */
export const LAYOUT_REGISTRATIONS: readonly LayoutRegistration[] = [
  { forClass: VF.EconomicEvent, container: 'events', visibility: 'private' },
  { forClass: VF.Commitment, container: 'commitments', visibility: 'private' },
  { forClass: VF.Agreement, container: 'agreements', visibility: 'private' },
  { forClass: VF.EconomicResource, container: 'resources', visibility: 'public' },
  { forClass: VF.ResourceSpecification, container: 'resources', visibility: 'public' },
  { forClass: VF.Process, container: 'processes', visibility: 'public' },
  { forClass: VF.ProcessSpecification, container: 'processes', visibility: 'public' },
  { forClass: VF.Agent, container: 'agents', visibility: 'public' },
  { forClass: VF.Plan, container: 'plans', visibility: 'public' },
  { forClass: VF.Recipe, container: 'recipes', visibility: 'public' },
  { forClass: VF.Intent, container: 'intents', visibility: 'public' },
];

/** Document for events with no `vf:hasPointInTime`, `vf:hasBeginning` or `vf:hasEnd`. */
export const UNDATED_EVENTS_DOCUMENT = 'undated.ttl';

/**
 * URLs of the OCE pod layout under one storage root:
 * `profile/card#me`, `settings/publicTypeIndex.ttl`, `settings/privateTypeIndex.ttl`,
 * `rea/<container>/`, and day documents `rea/events/YYYY/MM/DD.ttl`.
 */
export class PodLayout {
  /** Storage root with a trailing slash. */
  public readonly storage: string;
  public readonly rea: string;
  public readonly publicTypeIndex: string;
  public readonly privateTypeIndex: string;

  public constructor(storage: string) {
    const url = new URL(storage);
    if (!url.pathname.endsWith('/')) {
      throw new Error(`Expected a storage URL ending in a slash, got [${storage}]`);
    }
    this.storage = url.href;
    this.rea = new URL('rea/', url).href;
    this.publicTypeIndex = new URL('settings/publicTypeIndex.ttl', url).href;
    this.privateTypeIndex = new URL('settings/privateTypeIndex.ttl', url).href;
  }

  /** Returns the URL of a `/rea/` container, with a trailing slash. */
  public container(name: ReaContainer): string {
    return `${this.rea}${name}/`;
  }

  /** Returns the URL of the type index document with the given visibility. */
  public typeIndex(visibility: IndexVisibility): string {
    return visibility === 'public' ? this.publicTypeIndex : this.privateTypeIndex;
  }

  /**
   * Returns the day document for an event time, by its UTC date: `rea/events/2026/12/04.ttl`.
   * Without a time, returns `rea/events/undated.ttl`.
   */
  public eventDocument(time: Date | undefined): string {
    if (time === undefined) {
      return `${this.container('events')}${UNDATED_EVENTS_DOCUMENT}`;
    }
    const year = String(time.getUTCFullYear()).padStart(4, '0');
    const month = String(time.getUTCMonth() + 1).padStart(2, '0');
    const day = String(time.getUTCDate()).padStart(2, '0');
    return `${this.container('events')}${year}/${month}/${day}.ttl`;
  }
}
