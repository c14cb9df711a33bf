import type * as RDF from '@rdfjs/types';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

const LITERAL_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Writes a term in its N-Triples form, with `<<( s p o )>>` for a triple term of RDF 1.2. */
export function termToString(term: RDF.Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal':
      return literalToString(term);
    case 'Quad':
      return `<<( ${termToString(term.subject)} ${termToString(term.predicate)} ${termToString(term.object)} )>>`;
    default:
      throw new Error(`Expected an RDF term, but got a [${term.termType}].`);
  }
}

function literalToString(literal: RDF.Literal): string {
  const lexical = `"${literal.value.replace(/["\\\n\r\t]/gu, (character) => LITERAL_ESCAPES[character] ?? character)}"`;
  if (literal.language !== '') {
    return `${lexical}@${literal.language}`;
  }
  return literal.datatype.value === XSD_STRING ? lexical : `${lexical}^^<${literal.datatype.value}>`;
}
