import { Parser } from 'n3';
import type { Quad } from 'n3';
import { RDF_CONTENT_TYPES } from './contentTypeForPath.js';
import type { RdfContentType } from './contentTypeForPath.js';
import { RdfParseError } from './RdfParseError.js';

/** Quads and declared prefixes of a document in one of the N3 family of syntaxes. */
export interface N3SyntaxResult {
  quads: Quad[];
  prefixes: Record<string, string>;
}

const N3_FORMATS: Partial<Record<RdfContentType, string>> = {
  [RDF_CONTENT_TYPES.turtle]: 'text/turtle',
  [RDF_CONTENT_TYPES.trig]: 'application/trig',
  [RDF_CONTENT_TYPES.nTriples]: 'application/n-triples',
  [RDF_CONTENT_TYPES.nQuads]: 'application/n-quads',
};

/** Tells whether the n3 parser reads this content type. */
export function isN3Syntax(contentType: RdfContentType): boolean {
  return N3_FORMATS[contentType] !== undefined;
}

/**
 * Parses Turtle, TriG, N-Triples or N-Quads with n3, collecting the prefixes the document
 * declares. Throws an {@link RdfParseError} with the line n3 reports.
 */
export function parseN3Syntax(
  text: string,
  options: { source: string; baseIRI: string; contentType: RdfContentType },
): N3SyntaxResult {
  const prefixes: Record<string, string> = {};
  const parser = new Parser({ baseIRI: options.baseIRI, format: N3_FORMATS[options.contentType] });
  try {
    const quads = parser.parse(text, null, (prefix, iri) => {
      prefixes[prefix] = iri.value;
    });
    return { quads, prefixes };
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RdfParseError(
      { source: options.source, contentType: options.contentType, line: n3ErrorLine(error), reason },
      { cause: error },
    );
  }
}

function n3ErrorLine(error: unknown): number | undefined {
  const context = (error as { context?: { line?: unknown } } | null)?.context;
  return typeof context?.line === 'number' ? context.line : undefined;
}
