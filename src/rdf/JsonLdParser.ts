import jsonld from 'jsonld';
import { DataFactory } from 'n3';
import type { Quad, Quad_Graph, Quad_Object, Quad_Subject } from 'n3';
import { problem } from '../model/index.js';
import type { Problem } from '../model/index.js';
import { BlankNodeScope } from './BlankNodeScope.js';
import { numberTextOf } from './JsonTreeReader.js';
import { numberLiteral } from './NumberLiteral.js';
import { loadLocalContext } from './LocalContextLoader.js';
import { RdfParseError } from './RdfParseError.js';
import { toN3Literal } from './toN3Literal.js';
import type { RdfJsTerm } from './toN3Literal.js';

/** A context given to JSON-LD processing from outside the document. */
export type JsonLdContextOption = Record<string, unknown> | unknown[];

/** Quads, declared prefixes and processing warnings of one JSON-LD document. */
export interface JsonLdResult {
  quads: Quad[];
  prefixes: Record<string, string>;
  problems: Problem[];
}

/** A term as jsonld's `toRDF` returns it. */
type JsonLdTerm = RdfJsTerm;

interface JsonLdQuad {
  subject: JsonLdTerm;
  predicate: JsonLdTerm;
  object: JsonLdTerm;
  graph: JsonLdTerm;
}

/** A warning jsonld raises when it drops data, such as a property that maps to no IRI. */
interface JsonLdEvent {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Converts a JSON-LD tree (from JSON or YAML, with numbers as stand-ins) to quads. Remote
 * contexts are never fetched. Data that JSON-LD processing drops is reported as a warning
 * per kind with a count. Throws an {@link RdfParseError} when the tree is not JSON-LD.
 */
export async function parseJsonLd(
  tree: unknown,
  options: { source: string; baseIRI: string; contentType: string; expandContext?: JsonLdContextOption },
): Promise<JsonLdResult> {
  const where = { source: options.source, contentType: options.contentType };
  if (tree === null || typeof tree !== 'object') {
    const numberText = typeof tree === 'string' ? numberTextOf(tree) : undefined;
    const found = tree === null ? 'null' : numberText === undefined ? `${typeof tree} ${JSON.stringify(tree)}` : `number ${numberText}`;
    throw new RdfParseError({ ...where, reason: `expected a JSON-LD object or array at the top level, found [${found}]` });
  }
  const events: JsonLdEvent[] = [];
  let output: unknown;
  try {
    const toRdfOptions: Record<string, unknown> = {
      base: options.baseIRI,
      documentLoader: loadLocalContext,
      eventHandler: ({ event, next }: { event: JsonLdEvent; next: () => void }) => {
        events.push(event);
        next();
      },
    };
    if (options.expandContext !== undefined) {
      toRdfOptions.expandContext = options.expandContext;
    }
    output = await jsonld.toRDF(tree, toRdfOptions);
  } catch (error: unknown) {
    throw new RdfParseError({ ...where, reason: describeJsonLdError(error) }, { cause: error });
  }
  const scope = new BlankNodeScope('j');
  const quads = (output as JsonLdQuad[]).map((quad) => toN3Quad(quad, scope));
  const documentContext = Array.isArray(tree) ? undefined : (tree as Record<string, unknown>)['@context'];
  const prefixes = { ...collectPrefixes(contextOf(options.expandContext)), ...collectPrefixes(documentContext) };
  return { quads, prefixes, problems: eventProblems(events, options.source) };
}

function toN3Quad(quad: JsonLdQuad, scope: BlankNodeScope): Quad {
  return DataFactory.quad(
    toTerm(quad.subject, scope) as Quad_Subject,
    DataFactory.namedNode(quad.predicate.value),
    toTerm(quad.object, scope) as Quad_Object,
    toTerm(quad.graph, scope) as Quad_Graph,
  );
}

function toTerm(term: JsonLdTerm, scope: BlankNodeScope): Quad_Object | Quad_Graph {
  switch (term.termType) {
    case 'BlankNode':
      return scope.blankNode(term.value);
    case 'DefaultGraph':
      return DataFactory.defaultGraph();
    case 'Literal':
      return toLiteral(term);
    default:
      return DataFactory.namedNode(term.value);
  }
}

function toLiteral(term: JsonLdTerm): Quad_Object {
  const numberText = numberTextOf(term.value);
  if (numberText !== undefined) {
    return numberLiteral(numberText, term.language === undefined ? term.datatype?.value : undefined);
  }
  return toN3Literal(term);
}

/** Groups jsonld's warnings by code, one problem per code with a count and the first detail. */
function eventProblems(events: JsonLdEvent[], source: string): Problem[] {
  const byCode = new Map<string, JsonLdEvent[]>();
  for (const event of events) {
    byCode.set(event.code, [...(byCode.get(event.code) ?? []), event]);
  }
  return [...byCode.entries()].map(([code, sameCode]) => {
    const first = sameCode[0] as JsonLdEvent;
    const detail = first.details === undefined ? '' : `, first at ${JSON.stringify(first.details)}`;
    const message = `JSON-LD processing dropped data ${sameCode.length} time(s) [${code}]: ${first.message}${detail}`;
    return problem('warning', message, { source });
  });
}

/** Returns the top-level `@context` of a document, or a bare context given as the API's `expandContext`. */
function contextOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return value;
  }
  const record = value as Record<string, unknown>;
  return '@context' in record ? record['@context'] : record;
}

/**
 * Collects the prefixes a JSON-LD context declares: terms mapped to an IRI that ends in `/`,
 * `#` or `:`, or declared with `@prefix: true`. Remote contexts (strings) declare none here.
 */
function collectPrefixes(contextValue: unknown): Record<string, string> {
  const prefixes: Record<string, string> = {};
  for (const context of [contextValue].flat()) {
    if (context === null || typeof context !== 'object') {
      continue;
    }
    for (const [term, definition] of Object.entries(context as Record<string, unknown>)) {
      const iri = prefixIri(definition);
      if (!term.startsWith('@') && iri !== undefined) {
        prefixes[term] = iri;
      }
    }
  }
  return prefixes;
}

function prefixIri(definition: unknown): string | undefined {
  if (typeof definition === 'string') {
    return /[/#:]$/u.test(definition) ? definition : undefined;
  }
  if (definition !== null && typeof definition === 'object') {
    const { '@id': id, '@prefix': isPrefix } = definition as Record<string, unknown>;
    return typeof id === 'string' && isPrefix === true ? id : undefined;
  }
  return undefined;
}

function describeJsonLdError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const cause = (error as { details?: { cause?: unknown } }).details?.cause;
  if (cause instanceof Error) {
    return cause.message;
  }
  return error.message;
}
