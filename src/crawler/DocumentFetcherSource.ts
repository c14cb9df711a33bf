import type { DocumentFetcher } from './DocumentFetcher.js';
import type { DocumentSource, SourceDocument, SourceFailure } from './DocumentSource.js';

/**
 * A {@link DocumentSource} over the fetch layer's {@link DocumentFetcher} (conditional requests
 * against the disk cache, size limit, guard, retries). A `link` field on the fetched document,
 * when the fetcher provides one, carries the `Link` header for paged containers.
 */
export class DocumentFetcherSource implements DocumentSource {
  public constructor(private readonly fetcher: DocumentFetcher) {}

  /** Fetches `url` through the fetcher. */
  public async fetchDocument(url: string): Promise<SourceDocument | SourceFailure> {
    const outcome = await this.fetcher.fetch(url);
    if (typeof outcome.status === 'number') {
      return outcome as SourceFailure;
    }
    const link = (outcome as { link?: string | null }).link;
    return { ...(outcome as SourceDocument), link: link ?? null };
  }
}
