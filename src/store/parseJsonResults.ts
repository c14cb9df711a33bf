import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import type { Bindings } from './QuadStore.js';

/** A term in the SPARQL 1.1 Query Results JSON Format, with the RDF 1.2 `triple` type. */
interface JsonTerm {
  type: 'uri' | 'literal' | 'bnode' | 'triple';
  value: string | { subject: JsonTerm; predicate: JsonTerm; object: JsonTerm };
  'xml:lang'?: string;
  datatype?: string;
}

/** A SELECT or ASK result in the SPARQL 1.1 Query Results JSON Format. */
interface JsonResults {
  head: { vars?: string[] };
  results?: { bindings: Record<string, JsonTerm>[] };
  boolean?: boolean;
}

/** Variables and rows of a SELECT result, or the value of an ASK result. */
export type ParsedJsonResults =
  | { type: 'bindings'; variables: string[]; rows: Bindings[] }
  | { type: 'boolean'; value: boolean };

/**
 * Parses a SPARQL 1.1 Query Results JSON document into RDF/JS terms. Oxigraph returns SELECT
 * results as maps without the projected variables, and its JSON form is the one that keeps them.
 */
export function parseJsonResults(json: string): ParsedJsonResults {
  const results = JSON.parse(json) as JsonResults;
  if (typeof results.boolean === 'boolean') {
    return { type: 'boolean', value: results.boolean };
  }
  const rows = (results.results?.bindings ?? []).map((row) => {
    const bindings = new Map<string, RDF.Term>();
    for (const [name, term] of Object.entries(row)) {
      bindings.set(name, toTerm(term));
    }
    return bindings;
  });
  return { type: 'bindings', variables: results.head.vars ?? [], rows };
}

function toTerm(term: JsonTerm): RDF.Term {
  if (typeof term.value !== 'string') {
    const { subject, predicate, object } = term.value;
    return DataFactory.quad(
      toTerm(subject) as RDF.Quad_Subject,
      toTerm(predicate) as RDF.Quad_Predicate,
      toTerm(object) as RDF.Quad_Object,
    );
  }
  switch (term.type) {
    case 'uri':
      return DataFactory.namedNode(term.value);
    case 'bnode':
      return DataFactory.blankNode(term.value);
    default:
      return DataFactory.literal(term.value, literalQualifier(term));
  }
}

function literalQualifier(term: JsonTerm): string | RDF.NamedNode | undefined {
  if (term['xml:lang'] !== undefined) {
    return term['xml:lang'];
  }
  return term.datatype === undefined ? undefined : DataFactory.namedNode(term.datatype);
}
