/** A response body the crawler can parse, downloaded now or reused from the cache after a 304. */
export interface SourceDocument {
  /** URL of the document, without fragment. */
  url: string;
  /** `downloaded` for a 200 response, `unchanged` for a 304 that reused the cached body. */
  status: 'downloaded' | 'unchanged';
  contentType: string;
  body: string;
  /** The `Link` header of the response, which carries `rel="next"` on a paged container. */
  link?: string | null;
  /** Size of the body in bytes. */
  bytes: number;
  /** Duration of the request in milliseconds. */
  ms: number;
}

/** Why a document could not be had; `status` is 0 when no HTTP response arrived. */
export interface SourceFailure {
  url: string;
  status: number;
  message: string;
  /** Class of failure, such as `network`, `timeout`, `http`, `tooLarge`, `refused`, `redirects` or `protocol`. */
  kind: string;
}

/**
 * Fetches documents for the crawler. Failures come back as values, never as exceptions, so one
 * bad document or pod cannot stop a crawl.
 */
export interface DocumentSource {
  fetchDocument: (url: string) => Promise<SourceDocument | SourceFailure>;
}

/** Tells a failure from a document. */
export function isSourceFailure(outcome: SourceDocument | SourceFailure): outcome is SourceFailure {
  return typeof outcome.status === 'number';
}
