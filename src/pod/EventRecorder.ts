import type { NamedNode, Quad, Quad_Object, Quad_Subject, Term } from 'n3';
import { SolidDocumentClient, SolidHttpError, namedNode, triple } from '../solid/index.js';
import { getLogger } from '../util/index.js';
import { RDF, VF } from '../vocab/index.js';
import { checkEventInput, checkEventQuads } from './checkEventInput.js';
import { eventQuads } from './EventInput.js';
import type { EventInput } from './EventInput.js';
import { findEventTime, parseEventTime } from './EventTime.js';
import { PodLayout } from './PodLayout.js';
import { rebaseFileEvent } from './rebaseFileEvent.js';

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

/** Location of a recorded event: its IRI and its day document. */
export interface RecordedEvent {
  eventIri: string;
  document: string;
}

/** Outcome of {@link EventRecorder.recordBatch}. */
export interface BatchResult {
  recorded: RecordedEvent[];
  /** Events left out because their IRI was already a subject of their day document. */
  alreadyRecorded: RecordedEvent[];
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

  /**
   * Records an event built from typed fields; its IRI is `<day document>#<id>`. Throws an
   * `EventInputError` from {@link checkEventInput} before any request when a field is invalid.
   */
  public async record(input: EventInput): Promise<RecordedEvent> {
    checkEventInput(input);
    const time = input.hasPointInTime ?? input.hasBeginning ?? input.hasEnd;
    const document = this.layout.eventDocument(time === undefined ? undefined : parseEventTime(time));
    return this.recordQuads(eventQuads(input, document));
  }

  /**
   * Records the event of a local file whose relative IRIs resolved against `fileIri` (its
   * `file:` URL); {@link rebaseFileEvent} moves them into the day document first. Throws an
   * `EventInputError` from {@link checkEventQuads} before any request when the event is invalid.
   */
  public async recordFileQuads(quads: Quad[], fileIri: string): Promise<RecordedEvent> {
    const subject = eventSubjects(quads)[0];
    const date = subject === undefined ? undefined : eventDate(quads, subject, 'reject');
    const rebased = rebaseFileEvent(quads, fileIri, this.layout.eventDocument(date));
    checkEventQuads(rebased, eventSubjects(rebased)[0]!);
    return this.recordQuads(rebased);
  }

  /**
   * Records an event given as quads: exactly one subject typed `vf:EconomicEvent`, plus blank nodes
   * or `<event IRI>-…` nodes (such as measures) reached from it; blank nodes are stored under IRIs
   * made by {@link skolemize}. Throws {@link EventAlreadyRecordedError} when that IRI is already a
   * subject of the day document.
   */
  public async recordQuads(quads: Quad[]): Promise<RecordedEvent> {
    const result = await this.recordBatch([quads]);
    const duplicate = result.alreadyRecorded[0];
    if (duplicate !== undefined) {
      throw new EventAlreadyRecordedError(duplicate.eventIri, duplicate.document);
    }
    return result.recorded[0]!;
  }

  /**
   * Records several events, each given as in {@link recordQuads}, with one read and one N3 Patch
   * per day document. Events whose IRI the document already has are left out and listed in
   * `alreadyRecorded`, which makes importing the same file twice harmless. An event time that is
   * not a valid `xsd:dateTime` throws, unless `invalidTimes` is `undated`, which files such an
   * event in the undated document (the importer does so after warning about it).
   */
  public async recordBatch(events: Quad[][], invalidTimes: 'reject' | 'undated' = 'reject'): Promise<BatchResult> {
    const byDocument = new Map<string, { eventIri: string; quads: Quad[] }[]>();
    for (const quads of events) {
      const eventIri = singleEventSubject(quads);
      const document = this.layout.eventDocument(eventDate(quads, eventIri, invalidTimes));
      byDocument.set(document, [...(byDocument.get(document) ?? []), { eventIri, quads: skolemize(quads, eventIri) }]);
    }
    const result: BatchResult = { recorded: [], alreadyRecorded: [] };
    for (const [document, entries] of byDocument) {
      const appended = await this.appendToDocument(document, entries);
      result.recorded.push(...appended.recorded);
      result.alreadyRecorded.push(...appended.alreadyRecorded);
    }
    return result;
  }

  /** Appends the entries the document lacks, retrying when another writer changed it meanwhile. */
  private async appendToDocument(
    document: string, entries: { eventIri: string; quads: Quad[] }[],
  ): Promise<BatchResult> {
    for (let attempt = 1; ; attempt += 1) {
      const existing = await this.client.read(document);
      const present = new Set(existing?.quads.map((quad) => quad.subject.value));
      const fresh = entries.filter((entry) => !present.has(entry.eventIri));
      const result: BatchResult = {
        recorded: fresh.map((entry) => ({ eventIri: entry.eventIri, document })),
        alreadyRecorded: entries.filter((entry) => present.has(entry.eventIri))
          .map((entry) => ({ eventIri: entry.eventIri, document })),
      };
      if (fresh.length === 0) {
        return result;
      }
      const condition = existing?.etag === undefined ? { ifNoneMatch: '*' as const } : { ifMatch: existing.etag };
      try {
        await this.client.patchInsert(document, fresh.flatMap((entry) => entry.quads), condition);
        logger.debug({ document, events: fresh.length }, 'Events recorded');
        return result;
      } catch (error: unknown) {
        const conflict = error instanceof SolidHttpError && error.status === 412;
        if (!conflict || attempt >= MAX_ATTEMPTS) {
          throw error;
        }
        logger.warn({ document, attempt }, 'Day document changed during the append; retrying');
      }
    }
  }
}

/**
 * Replaces blank nodes with IRIs `<event IRI>-node1`, `-node2`, … in order of appearance, because
 * Community Solid Server 7.2 rejects N3 Patch formulas that contain blank nodes (status 422).
 */
export function skolemize(quads: Quad[], eventIri: string): Quad[] {
  const names = new Map<string, NamedNode>();
  const rename = (term: Term): Term => {
    if (term.termType !== 'BlankNode') {
      return term;
    }
    let name = names.get(term.value);
    if (name === undefined) {
      name = namedNode(`${eventIri}-node${names.size + 1}`);
      names.set(term.value, name);
    }
    return name;
  };
  return quads.map((quad) =>
    triple(rename(quad.subject) as Quad_Subject, quad.predicate, rename(quad.object) as Quad_Object));
}

/** Returns the instant that files an event, or undefined for the undated document. */
function eventDate(quads: Quad[], eventIri: string, invalidTimes: 'reject' | 'undated'): Date | undefined {
  const time = findEventTime(quads, eventIri);
  if (time === undefined) {
    return undefined;
  }
  try {
    return parseEventTime(time);
  } catch (error: unknown) {
    if (invalidTimes === 'undated') {
      return undefined;
    }
    throw error;
  }
}

/** Returns the distinct subjects typed `vf:EconomicEvent`. */
function eventSubjects(quads: Quad[]): string[] {
  return [...new Set(quads.filter((candidate) => candidate.predicate.equals(RDF.type) &&
    candidate.object.equals(VF.EconomicEvent)).map((candidate) => candidate.subject.value))];
}

/** Finds the one subject typed `vf:EconomicEvent`; other subjects must be blank or `<event IRI>-…`. */
function singleEventSubject(quads: Quad[]): string {
  const events = eventSubjects(quads);
  const eventIri = events[0];
  if (events.length !== 1 || eventIri === undefined) {
    throw new Error(`Expected quads about exactly one subject typed vf:EconomicEvent, got [${events.join(', ')}]`);
  }
  const strays = quads.filter((candidate) => candidate.subject.termType === 'NamedNode' &&
    candidate.subject.value !== eventIri && !candidate.subject.value.startsWith(`${eventIri}-`));
  if (strays.length > 0) {
    throw new Error(`Expected only the event [${eventIri}], its blank nodes and IRIs starting with its IRI and ` +
      `a hyphen as subjects, got [${strays[0]?.subject.value}]`);
  }
  return eventIri;
}
