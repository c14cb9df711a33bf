import { DataFactory } from 'n3';
import type { Literal } from 'n3';

/** A term of another RDF/JS library (jsonld's `toRDF` output, rdflib's store), read by its fields. */
export interface RdfJsTerm {
  termType: string;
  value: string;
  datatype?: { value: string };
  language?: string;
}

/**
 * Copies a literal term into an n3 `Literal`: language-tagged when it has a language, else typed
 * with its datatype, or a plain string without one. RDF/JS writes "no language" as `''`.
 */
export function toN3Literal(term: RdfJsTerm): Literal {
  if (term.language !== undefined && term.language !== '') {
    return DataFactory.literal(term.value, term.language);
  }
  const datatype = term.datatype === undefined ? undefined : DataFactory.namedNode(term.datatype.value);
  return DataFactory.literal(term.value, datatype);
}
