import type { CachedDocument, DocumentCache } from './cache/index.js';
import {
  AddressRefusedError, FetchTimeoutError, RedirectLoopError, ResponseTooLargeError, TooManyRedirectsError,
  readLimitedBody,
} from './http/index.js';
import { withoutFragment } from './http/normalizeRequest.js';
import { getLogger } from '../util/index.js';

/** Default size limit of one response body: 10 MiB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

// The wildcard gets documents stored in other formats too, so they are reported as unparseable
// instead of as a 406 or 501 from the server's converter.
const DEFAULT_ACCEPT =
  'text/turtle, application/ld+json;q=0.9, application/n-triples;q=0.8, application/rdf+xml;q=0.5, */*;q=0.1';

/** A document read from a pod: freshly downloaded, or confirmed unchanged by a 304 and read from the cache. */
export interface FetchedDocument {
  /** The requested URL without fragment. */
  url: string;
  status: 'downloaded' | 'unchanged';
  /** The Content-Type of the response (or of the cached one), empty when the server sent none. */
  contentType: string;
  body: string;
  etag?: string;
  lastModified?: string;
  /** The Link header, such as `rel="next"` of a paged container; from the cache after a 304 without one. */
  link?: string;
  /** Length of the body in bytes. */
  bytes: number;
  /** Wall time of the whole fetch, cache reads included, in milliseconds. */
  ms: number;
}

/** Category of a fetch failure. */
export type FetchFailureKind = 'network' | 'timeout' | 'refused' | 'http' | 'tooLarge' | 'redirects' | 'protocol';

/** A document that could not be read. */
export interface FetchFailure {
  url: string;
  /** The HTTP status, or 0 when no response arrived. */
  status: number;
  message: string;
  kind: FetchFailureKind;
}

/** Running totals of one {@link DocumentFetcher}. */
export interface DocumentFetcherCounters {
  /** Requests sent (redirect hops and retries inside the fetch are not counted here). */
  requests: number;
  /** Responses with a body (2xx). */
  downloads: number;
  /** 304 responses whose body came from the cache. */
  notModified: number;
  /** Body bytes downloaded. */
  bytes: number;
  failures: number;
}

/** Settings of a {@link DocumentFetcher}. */
export interface DocumentFetcherOptions {
  /** Usually the result of `createCrawlerFetch`, which adds the guard, limits and retries. */
  fetch: typeof fetch;
  /** Source of validators for conditional requests and of bodies for 304 responses. */
  cache?: DocumentCache;
  /** Largest body accepted, in bytes; default 10 MiB. */
  maxBytes?: number;
  /** Value of the Accept header. */
  accept?: string;
  /** Clock for `fetchedAt`; default the system clock. */
  now?: () => Date;
}

/** Returns true when `result` is a failure (its status is a number). */
export function isFetchFailure(result: FetchedDocument | FetchFailure): result is FetchFailure {
  return typeof result.status === 'number';
}

/**
 * Fetches documents with conditional GETs against a {@link DocumentCache}, with a body size
 * limit enforced while streaming. A 304 returns the cached body as `unchanged`; a 2xx returns
 * `downloaded` and replaces the cache entry. Failures leave the cache as it is, so the caller
 * decides whether a document is gone. Never throws: every failure is a {@link FetchFailure}.
 */
export class DocumentFetcher {
  /** Totals since this fetcher was created. */
  public readonly counters: DocumentFetcherCounters = {
    requests: 0, downloads: 0, notModified: 0, bytes: 0, failures: 0,
  };

  private readonly logger = getLogger('DocumentFetcher');
  private readonly fetchFn: typeof fetch;
  private readonly cache: DocumentCache | undefined;
  private readonly maxBytes: number;
  private readonly accept: string;
  private readonly now: () => Date;

  public constructor(options: DocumentFetcherOptions) {
    this.fetchFn = options.fetch;
    this.cache = options.cache;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.accept = options.accept ?? DEFAULT_ACCEPT;
    this.now = options.now ?? ((): Date => new Date());
  }

  /** Fetches `url` (its fragment removed); `conditional: false` ignores the cached validators. */
  public async fetch(url: string, options?: { conditional?: boolean }): Promise<FetchedDocument | FetchFailure> {
    const started = performance.now();
    const documentUrl = withoutFragment(url);
    const cached = options?.conditional === false ? undefined : await this.readCache(documentUrl);
    let result = await this.request(documentUrl, cached, started);

    // A 304 to a request without validators has no body to reuse: ask once more without them.
    if (!isFetchFailure(result) || result.status !== 304 || cached !== undefined) {
      return this.count(result);
    }
    this.logger.warn({ url: documentUrl }, 'Refetching after a 304 to an unconditional request');
    result = await this.request(documentUrl, undefined, started, { 'cache-control': 'no-cache' });
    return this.count(result);
  }

  private async request(
    url: string, cached: CachedDocument | undefined, started: number, extraHeaders: Record<string, string> = {},
  ): Promise<FetchedDocument | FetchFailure> {
    const headers: Record<string, string> = { accept: this.accept, ...extraHeaders };
    if (cached?.etag !== undefined) {
      headers['if-none-match'] = cached.etag;
    }
    if (cached?.lastModified !== undefined) {
      headers['if-modified-since'] = cached.lastModified;
    }
    this.counters.requests += 1;
    let response: Response;
    try {
      response = await this.fetchFn(url, { headers });
    } catch (error: unknown) {
      return failureFromError(url, 0, error);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return cached === undefined ?
        failure(url, 304, 'protocol', `GET [${url}] returned 304 Not Modified to a request without validators`) :
        this.unchanged(cached, response, started);
    }
    if (!response.ok || response.status === 206) {
      await response.body?.cancel();
      const text = `${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
      const kind = response.ok ? 'protocol' : 'http';
      return failure(url, response.status, kind, `GET [${url}] returned status [${text}]`);
    }
    return this.download(url, response, started);
  }

  private async unchanged(cached: CachedDocument, response: Response, started: number): Promise<FetchedDocument> {
    this.counters.notModified += 1;
    // A 304 may carry newer validators (RFC 9110 section 15.4.5); keep them for the next request.
    const etag = response.headers.get('etag') ?? cached.etag;
    const lastModified = response.headers.get('last-modified') ?? cached.lastModified;
    const link = response.headers.get('link') ?? cached.link;
    const fields = optionalFields(etag, lastModified, link);
    if (etag !== cached.etag || lastModified !== cached.lastModified || link !== cached.link) {
      await this.store({ ...cached, ...fields });
    }
    return {
      url: cached.url, status: 'unchanged', contentType: cached.contentType, body: cached.body,
      ...fields, bytes: cached.bytes, ms: performance.now() - started,
    };
  }

  private async download(url: string, response: Response, started: number): Promise<FetchedDocument | FetchFailure> {
    let bytes: Buffer;
    try {
      bytes = await readLimitedBody(response, url, this.maxBytes);
    } catch (error: unknown) {
      return failureFromError(url, response.status, error);
    }
    this.counters.downloads += 1;
    this.counters.bytes += bytes.byteLength;
    const fields = optionalFields(
      response.headers.get('etag') ?? undefined,
      response.headers.get('last-modified') ?? undefined,
      response.headers.get('link') ?? undefined,
    );
    const contentType = response.headers.get('content-type') ?? '';
    const body = bytes.toString('utf8');
    const fetchedAt = this.now().toISOString();
    await this.store({ url, contentType, body, bytes: bytes.byteLength, fetchedAt, ...fields });
    const ms = performance.now() - started;
    return { url, status: 'downloaded', contentType, body, ...fields, bytes: bytes.byteLength, ms };
  }

  /** Reads a cache entry; a failed read is logged and treated as a missing entry. */
  private async readCache(url: string): Promise<CachedDocument | undefined> {
    try {
      return await this.cache?.get(url);
    } catch (error: unknown) {
      this.logger.warn({ url, error: describe(error) }, 'Could not read cache entry');
      return undefined;
    }
  }

  /** Writes a cache entry; a failed write is logged and costs only a full download next time. */
  private async store(document: CachedDocument): Promise<void> {
    try {
      await this.cache?.put(document);
    } catch (error: unknown) {
      this.logger.warn({ url: document.url, error: describe(error) }, 'Could not write cache entry');
    }
  }

  private count(result: FetchedDocument | FetchFailure): FetchedDocument | FetchFailure {
    if (isFetchFailure(result)) {
      this.counters.failures += 1;
    }
    return result;
  }
}

type OptionalFields = Pick<FetchedDocument, 'etag' | 'lastModified' | 'link'>;

function optionalFields(
  etag: string | undefined, lastModified: string | undefined, link: string | undefined,
): OptionalFields {
  const fields: OptionalFields = {};
  if (link !== undefined) {
    fields.link = link;
  }
  if (etag !== undefined) {
    fields.etag = etag;
  }
  if (lastModified !== undefined) {
    fields.lastModified = lastModified;
  }
  return fields;
}

function failure(url: string, status: number, kind: FetchFailureKind, message: string): FetchFailure {
  return { url, status, kind, message };
}

/** Maps an error of the crawler fetch or of reading the body to a failure kind. */
function failureFromError(url: string, status: number, error: unknown): FetchFailure {
  if (error instanceof AddressRefusedError) {
    return failure(url, 0, 'refused', error.message);
  }
  if (error instanceof FetchTimeoutError) {
    return failure(url, 0, 'timeout', error.message);
  }
  if (error instanceof TooManyRedirectsError || error instanceof RedirectLoopError) {
    return failure(url, 0, 'redirects', error.message);
  }
  if (error instanceof ResponseTooLargeError) {
    return failure(url, status, 'tooLarge', error.message);
  }
  // A fetch without the crawler wrapper reports its own timeout as a DOMException.
  if (error instanceof Error && error.name === 'TimeoutError') {
    return failure(url, 0, 'timeout', `GET [${url}] timed out: ${error.message}`);
  }
  return failure(url, 0, 'network', `GET [${url}] failed: ${describe(error)}`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
