import * as oxigraph from 'oxigraph';

/**
 * Throws when `graphIri` is not an absolute IRI, before it is written into a request or an
 * update, so a graph name can never inject SPARQL.
 */
export function checkGraphIri(graphIri: string): void {
  try {
    oxigraph.namedNode(graphIri);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Invalid graph IRI [${graphIri}]: ${reason}. Expected an absolute IRI such as a document URL.`);
  }
}
