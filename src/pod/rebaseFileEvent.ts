import { randomUUID } from 'node:crypto';
import type { Quad, Quad_Object, Quad_Subject, Term } from 'n3';
import { namedNode, triple } from '../solid/index.js';
import { RDF, VF } from '../vocab/index.js';
import { EventInputError } from './EventInputError.js';

/**
 * Moves the relative IRIs of an event read from a local file (IRIs of the file's own `file:` URL,
 * which is what `<#ev1>` resolves to) into the event's day document, as `oce pod record --file`
 * writes it. The event `<#ev1>` becomes `<document>#ev1`, and a blank-node event gets a random
 * UUID. Another relative subject follows the event: `<#m1>` becomes `<event IRI>-m1`, or
 * `<document>#ev1-m1` when its name already starts with `ev1-`. Absolute IRIs (http, https, urn,
 * …) stay as they are. Throws an {@link EventInputError} when the quads state no event or several,
 * or when a relative IRI names nothing in the file, since no pod IRI could stand for it.
 */
export function rebaseFileEvent(quads: Quad[], fileIri: string, document: string): Quad[] {
  const event = findEvent(quads, fileIri);
  const eventFragment = fragmentOf(event, fileIri);
  const eventIri = targetOfEvent(event, eventFragment, fileIri, document);
  const subjects = new Set(quads.map((quad) => quad.subject.value));

  const rename = (term: Term): Term => {
    if (term.equals(event)) {
      return namedNode(eventIri);
    }
    if (term.termType !== 'NamedNode' || !term.value.startsWith('file:')) {
      return term;
    }
    const fragment = fragmentOf(term, fileIri);
    if (fragment === undefined || !subjects.has(term.value)) {
      throw new EventInputError('file', `Relative IRI [${term.value}] names no subject of the file; ` +
        'write it as an absolute IRI, such as the URL of the resource in the pod');
    }
    const followsEvent = eventFragment !== undefined && fragment.startsWith(`${eventFragment}-`);
    return namedNode(followsEvent ? `${document}#${fragment}` : `${eventIri}-${fragment}`);
  };
  return quads.map((quad) =>
    triple(rename(quad.subject) as Quad_Subject, quad.predicate, rename(quad.object) as Quad_Object));
}

/** Finds the one subject typed `vf:EconomicEvent`. */
function findEvent(quads: Quad[], fileIri: string): Quad_Subject {
  const events = quads.filter((quad) => quad.predicate.equals(RDF.type) && quad.object.equals(VF.EconomicEvent))
    .map((quad) => quad.subject);
  const distinct = [...new Map(events.map((subject) => [`${subject.termType} ${subject.value}`, subject])).values()];
  const event = distinct[0];
  if (distinct.length !== 1 || event === undefined) {
    throw new EventInputError('file', `Expected exactly one subject typed vf:EconomicEvent in [${fileIri}], ` +
      `got ${distinct.length}`);
  }
  return event;
}

/** Returns the fragment of an IRI in the file itself (`<#ev1>` gives `ev1`), else undefined. */
function fragmentOf(term: Term, fileIri: string): string | undefined {
  const prefix = `${fileIri}#`;
  if (term.termType !== 'NamedNode' || !term.value.startsWith(prefix) || term.value.length === prefix.length) {
    return undefined;
  }
  return term.value.slice(prefix.length);
}

function targetOfEvent(event: Quad_Subject, fragment: string | undefined, fileIri: string, document: string): string {
  if (fragment !== undefined) {
    return `${document}#${fragment}`;
  }
  if (event.termType === 'BlankNode') {
    return `${document}#${randomUUID()}`;
  }
  if (event.value.startsWith('file:')) {
    throw new EventInputError('file', `Event IRI [${event.value}] is relative but not a fragment such as ` +
      `[#ev1] of [${fileIri}]; write <#NAME> or an absolute IRI`);
  }
  return event.value;
}
