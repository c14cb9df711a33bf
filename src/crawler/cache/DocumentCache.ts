/** Metadata of one cached response, as stored next to its body. */
export interface CachedDocumentMetadata {
  /** The document URL without fragment; the cache key. */
  url: string;
  etag?: string;
  /** The Last-Modified header exactly as the server sent it. */
  lastModified?: string;
  /** The Link header, kept so that a 304 for a paged container still has its `rel="next"`. */
  link?: string;
  /** The Content-Type header, or an empty string when the response had none. */
  contentType: string;
  /** When the body was downloaded, as an ISO 8601 date-time. */
  fetchedAt: string;
  /** Length of the body in bytes. */
  bytes: number;
}

/** One cached response: its metadata and its body as UTF-8 text. */
export interface CachedDocument extends CachedDocumentMetadata {
  body: string;
}

/**
 * Raw responses with their validators (ETag, Last-Modified), keyed by document URL, so that a
 * crawler can send conditional requests and rebuild its store after a restart. An entry that
 * cannot be read back intact is treated as absent, never as an error.
 */
export interface DocumentCache {
  /** Returns the entry of `url`, or undefined when there is none or it is damaged. */
  get: (url: string) => Promise<CachedDocument | undefined>;
  /** Stores or replaces the entry of `document.url`. */
  put: (document: CachedDocument) => Promise<void>;
  /** Removes the entry of `url`; removing a missing entry is not an error. */
  delete: (url: string) => Promise<void>;
  /** Yields every intact entry, in no particular order. */
  entries: () => AsyncIterable<CachedDocument>;
}
