import { DOMParser } from '@xmldom/xmldom';
import { DataFactory } from 'n3';
import type { Quad, Quad_Object, Quad_Subject } from 'n3';
import { graph, RDFParser } from 'rdflib';
import { BlankNodeScope } from './BlankNodeScope.js';
import { RDF_CONTENT_TYPES } from './contentTypeForPath.js';
import { RdfParseError } from './RdfParseError.js';
import { toN3Literal } from './toN3Literal.js';
import type { RdfJsTerm } from './toN3Literal.js';

/** A term as rdflib stores it (RDF/JS compatible). */
type RdflibTerm = RdfJsTerm;

/**
 * Parses RDF/XML with rdflib. The XML itself is parsed with xmldom here, so that a syntax
 * error keeps its line number and nothing is written to the console. Every triple lands in
 * the default graph, since RDF/XML has no named graphs.
 * Throws an {@link RdfParseError} naming the line when the XML is not well formed.
 */
export function parseRdfXml(text: string, options: { source: string; baseIRI: string }): Quad[] {
  const where = { source: options.source, contentType: RDF_CONTENT_TYPES.rdfXml };
  let line: number | undefined;
  const domParser = new DOMParser({
    onError: (level, message, context) => {
      if (level === 'warning') {
        return;
      }
      line = (context as { locator?: { lineNumber?: number } } | undefined)?.locator?.lineNumber;
      throw new Error(message);
    },
  });
  const store = graph();
  try {
    const document = domParser.parseFromString(text, 'application/xml');
    new RDFParser(store).parse(document, options.baseIRI, store.sym(options.baseIRI));
  } catch (error: unknown) {
    const reason = xmlErrorReason(error);
    throw new RdfParseError({ ...where, line: line === 0 ? undefined : line, reason }, { cause: error });
  }
  const scope = new BlankNodeScope('x');
  return store.statements.map((statement) =>
    DataFactory.quad(
      toTerm(statement.subject as RdflibTerm, scope) as Quad_Subject,
      DataFactory.namedNode(statement.predicate.value),
      toTerm(statement.object as RdflibTerm, scope),
    ),
  );
}

function toTerm(term: RdflibTerm, scope: BlankNodeScope): Quad_Object {
  if (term.termType === 'BlankNode') {
    return scope.blankNode(term.value);
  }
  if (term.termType === 'Literal') {
    return toN3Literal(term);
  }
  return DataFactory.namedNode(term.value);
}

/** Returns the XML parser's own message without xmldom's "Reporting … caused" wrapper. */
function xmlErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /caused Error: (.*)$/su.exec(message)?.[1]?.trim() ?? message;
}
