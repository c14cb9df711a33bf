import { problem } from '../model/index.js';
import type { DocumentLoader, LoadOutcome } from './DocumentLoader.js';
import { isSourceFailure } from './DocumentSource.js';
import type { DocumentSource, SourceDocument } from './DocumentSource.js';

const N_TRIPLES = 'application/n-triples';

/**
 * Loads a fetched document. When a Turtle body does not parse, it loads the document's
 * N-Triples representation instead and adds a warning saying so. Community Solid Server 7.2.0
 * serves Turtle cut short after an N3 Patch that inserted non-ASCII text, while its N-Triples
 * of the same data are whole. The Turtle outcome is returned when that fallback fails too.
 */
export async function loadWithFallback(
  source: DocumentSource, loader: DocumentLoader, document: SourceDocument, loadedAt: string,
): Promise<LoadOutcome> {
  const first = await loader.load(document, loadedAt);
  if (!('quarantined' in first) || first.quarantined.reason !== 'parse' || source.fetchAs === undefined
    || !document.contentType.toLowerCase().startsWith('text/turtle')) {
    return first;
  }
  const alternate = await source.fetchAs(document.url, N_TRIPLES);
  if (isSourceFailure(alternate) || !alternate.contentType.toLowerCase().startsWith(N_TRIPLES)) {
    return first;
  }
  const second = await loader.load(alternate, loadedAt);
  if ('quarantined' in second) {
    return second.quarantined.reason === 'parse' ? first : second;
  }
  second.loaded.problems.push(problem('warning', `The Turtle of [${document.url}] could not be parsed `
    + `(${first.quarantined.messages.join(' | ')}); its N-Triples representation was read instead`,
  { source: document.url }));
  return second;
}
