import type { Quad } from 'n3';
import { SolidDocumentClient, SolidHttpError } from '../solid/index.js';
import { getLogger } from '../util/index.js';
import { eventQuads } from './EventInput.js';
import type { EventInput } from './EventInput.js';
import { findEventTime, parseEventTime } from './EventTime.js';
import { PodLayout } from './PodLayout.js';
import { RDF, VF } from '../solid/index.js';

const logger = getLogger('EventRecorder');
const MAX_ATTEMPTS = 3;

/** Thrown when the event's IRI is already a subject in its day document, since events are never edited. */
export class EventAlreadyRecordedError extends Error {
  public readonly eventIri: string;
  public readonly document: string;

  public constructor(eventIri: string, document: string) {
    super(`Event [${eventIri}] is already recorded in [${document}]; events are never edited, ` +
      'so record a new event with vf:corrects instead');
    this.name = 'EventAlreadyRecordedError';
    this.eventIri = eventIri;
    this.document = document;
  }
}

/** Where an event was recorded. */
export interface RecordedEvent {
  eventIri: string;
  document: string;
}

/**
 * Appends economic events to a member pod (`oce pod record`). Each event goes to the document of
 * its UTC day, `rea/events/YYYY/MM/DD.ttl` (or `rea/events/undated.ttl` without a time), through
 * an N3 Patch with only `solid:inserts`. The write is conditional on the ETag read during the
 * duplicate check, so a concurrent append makes it re-read and check again.
 */
export class EventRecorder {
  private readonly client: SolidDocumentClient;
  private readonly layout: PodLayout;

  public constructor(options: { fetch: typeof fetch; storage: string }) {
    this.client = new SolidDocumentClient(options.fetch);
    this.layout = new PodLayout(options.storage);
  }

  /** Records an event built from typed fields; its IRI is `<day document>#<id>`. */
  public async record(input: EventInput): Promise<RecordedEvent> {
    const time = input.hasPointInTime ?? input.hasBeginning ?? input.hasEnd;
    const document = this.layout.eventDocument(time === undefined ? undefined : parseEventTime(time));
    return this.recordQuads(eventQuads(input, document));
  }

  /**
   * Records an event given as quads: exactly one IRI subject typed `vf:EconomicEvent`, plus blank
   * nodes (such as measures) reached from it. Throws {@link EventAlreadyRecordedError} when that IRI
   * is already a subject of the day document.
   */
  public async recordQuads(quads: Quad[]): Promise<RecordedEvent> {
    const eventIri = singleEventSubject(quads);
    const time = findEventTime(quads, eventIri);
    const document = this.layout.eventDocument(time === undefined ? undefined : parseEventTime(time));

    for (let attempt = 1; ; attempt += 1) {
      const existing = await this.client.read(document);
      if (existing?.quads.some((candidate) => candidate.subject.value === eventIri) === true) {
        throw new EventAlreadyRecordedError(eventIri, document);
      }
      const condition = existing?.etag === undefined ? { ifNoneMatch: '*' as const } : { ifMatch: existing.etag };
      try {
        await this.client.patchInsert(document, quads, condition);
        logger.debug({ eventIri, document }, 'Event recorded');
        return { eventIri, document };
      } catch (error: unknown) {
        const conflict = error instanceof SolidHttpError && error.status === 412;
        if (!conflict || attempt >= MAX_ATTEMPTS) {
          throw error;
        }
        logger.warn({ eventIri, document, attempt }, 'Day document changed during the append; retrying');
      }
    }
  }
}

function singleEventSubject(quads: Quad[]): string {
  const iris = [...new Set(quads.filter((candidate) => candidate.subject.termType === 'NamedNode')
    .map((candidate) => candidate.subject.value))];
  if (iris.length !== 1 || iris[0] === undefined) {
    throw new Error(`Expected quads about exactly one event IRI (other subjects blank nodes), got [${iris.join(', ')}]`);
  }
  const eventIri = iris[0];
  const typed = quads.some((candidate) => candidate.subject.value === eventIri &&
    candidate.predicate.value === RDF.type && candidate.object.value === VF.EconomicEvent);
  if (!typed) {
    throw new Error(`Expected [${eventIri}] to have rdf:type [${VF.EconomicEvent}]`);
  }
  return eventIri;
}
