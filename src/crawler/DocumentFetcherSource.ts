import { isFetchFailure } from './DocumentFetcher.js';
import type { DocumentFetcher } from './DocumentFetcher.js';
import type { DocumentSource, SourceDocument, SourceFailure } from './DocumentSource.js';

/**
 * A {@link DocumentSource} over the fetch layer's {@link DocumentFetcher} (conditional requests
 * against the disk cache, size limit, guard, retries). The fetched document's `link` carries the
 * `Link` header, cached with the body, for paged containers.
 */
export class DocumentFetcherSource implements DocumentSource {
  public constructor(private readonly fetcher: DocumentFetcher) {}

  /** Fetches `url` through the fetcher. */
  public async fetchDocument(url: string): Promise<SourceDocument | SourceFailure> {
    const outcome = await this.fetcher.fetch(url);
    if (isFetchFailure(outcome)) {
      return outcome;
    }
    return { ...outcome, link: outcome.link ?? null };
  }
}
