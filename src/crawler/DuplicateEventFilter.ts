import type { Quad } from 'n3';
import { RDF, VF } from '../vocab/index.js';
import type { DuplicateEvent } from './CrawlReport.js';
import type { LoadedDocument } from './DocumentLoader.js';

/** Documents with each event stated once, and the duplicates that were dropped. */
export interface DeduplicatedDocuments {
  documents: LoadedDocument[];
  duplicates: DuplicateEvent[];
}

/**
 * Keeps one statement of each event IRI (a subject typed `vf:EconomicEvent`) that several
 * documents state, so the accounting counts it once. The rule that picks the kept statement:
 * the document the IRI itself names (the IRI without its fragment) wins; otherwise the document
 * whose URL is first in code-unit order. The other documents lose the event's statements and the
 * blank nodes (such as measures) that hang only from them; the rest of those documents stays.
 */
export function dropDuplicateEvents(documents: readonly LoadedDocument[]): DeduplicatedDocuments {
  const statedIn = new Map<string, string[]>();
  for (const document of documents) {
    for (const event of eventsOf(document.quads)) {
      statedIn.set(event, [...(statedIn.get(event) ?? []), document.source]);
    }
  }
  const duplicates: DuplicateEvent[] = [];
  const dropFrom = new Map<string, Set<string>>();
  for (const [event, sources] of [...statedIn].sort(([a], [b]) => compare(a, b))) {
    if (sources.length < 2) {
      continue;
    }
    const kept = keptSource(event, sources);
    const dropped = sources.filter((source) => source !== kept).sort(compare);
    duplicates.push({ event, kept, dropped });
    for (const source of dropped) {
      dropFrom.set(source, (dropFrom.get(source) ?? new Set()).add(event));
    }
  }
  const filtered = documents.map((document) => {
    const events = dropFrom.get(document.source);
    return events === undefined ? document : { ...document, quads: withoutSubjects(document.quads, events) };
  });
  return { documents: filtered, duplicates };
}

function keptSource(event: string, sources: string[]): string {
  const own = event.split('#')[0];
  return sources.find((source) => source === own) ?? [...sources].sort(compare)[0]!;
}

function eventsOf(quads: readonly Quad[]): Set<string> {
  return new Set(quads.filter((quad) => quad.subject.termType === 'NamedNode' && quad.predicate.equals(RDF.type) &&
    quad.object.equals(VF.EconomicEvent)).map((quad) => quad.subject.value));
}

/** Removes the quads of the subjects and of the blank nodes reached only through them. */
function withoutSubjects(quads: Quad[], subjects: Set<string>): Quad[] {
  const removed = new Set([...subjects]);
  let grown = true;
  while (grown) {
    grown = false;
    for (const quad of quads) {
      const object = quad.object;
      if (removed.has(keyOf(quad.subject)) && object.termType === 'BlankNode' && !removed.has(`_:${object.value}`) &&
        !referencedElsewhere(quads, object.value, removed)) {
        removed.add(`_:${object.value}`);
        grown = true;
      }
    }
  }
  return quads.filter((quad) => !removed.has(keyOf(quad.subject)));
}

function referencedElsewhere(quads: Quad[], blank: string, removed: Set<string>): boolean {
  return quads.some((quad) => quad.object.termType === 'BlankNode' && quad.object.value === blank &&
    !removed.has(keyOf(quad.subject)));
}

function keyOf(term: Quad['subject']): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
