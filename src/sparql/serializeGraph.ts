import jsonld from 'jsonld';
import { Writer } from 'n3';
import type * as RDF from '@rdfjs/types';

/** Media types of CONSTRUCT and DESCRIBE results and of the service description, preferred first. */
export const GRAPH_MEDIA_TYPES = ['text/turtle', 'application/n-triples', 'application/ld+json'] as const;

/** A media type of an RDF graph. */
export type GraphMediaType = (typeof GRAPH_MEDIA_TYPES)[number];

/** Serializes triples as Turtle (with `prefixes`), N-Triples or expanded JSON-LD. */
export async function serializeGraph(
  quads: readonly RDF.Quad[],
  mediaType: GraphMediaType,
  prefixes: Record<string, string> = {},
): Promise<string> {
  if (mediaType === 'application/ld+json') {
    const nQuads = new Writer({ format: 'N-Quads' }).quadsToString([...quads]);
    const document = await jsonld.fromRDF(nQuads, { format: 'application/n-quads' });
    return JSON.stringify(document);
  }
  const format = mediaType === 'text/turtle' ? 'Turtle' : 'N-Triples';
  const writer = new Writer({ format, prefixes: format === 'Turtle' ? prefixes : {} });
  return new Promise((resolve, reject) => {
    writer.addQuads([...quads]);
    writer.end((error: Error | null, text: string) => (error === null ? resolve(text) : reject(error)));
  });
}
