import type { DocumentSource, SourceDocument, SourceFailure } from './DocumentSource.js';

/** Options of {@link FetchDocumentSource}. */
export interface FetchDocumentSourceOptions {
  /** Timeout of each request in milliseconds; default 30 000. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes; default 16 MiB. */
  maxBytes?: number;
}

/** A body kept with the validators that make the next request for it conditional. */
interface CachedBody {
  document: SourceDocument;
  etag: string | null;
  lastModified: string | null;
}

// The wildcard gets documents stored in other formats too, so they are reported as unparseable
// instead of as a 406 or 501 from the server's converter.
const ACCEPT = 'text/turtle, application/ld+json;q=0.9, application/n-triples;q=0.8, application/rdf+xml;q=0.5, */*;q=0.1';

/**
 * A {@link DocumentSource} over a plain fetch, with a timeout, a body size limit and conditional
 * requests from validators kept in memory (so a second crawl by the same instance costs 304s).
 * It has no disk cache, retries or address guard; the fetch layer's `DocumentFetcher` adds those.
 */
export class FetchDocumentSource implements DocumentSource {
  /** Responses with a body (status 200) since this instance was created. */
  public downloads = 0;
  /** Responses with status 304 since this instance was created. */
  public notModified = 0;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly cache = new Map<string, CachedBody>();

  public constructor(private readonly fetchFn: typeof fetch, options: FetchDocumentSourceOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  }

  /** Fetches `url` (without fragment), conditionally when a body for it is cached. */
  public async fetchDocument(url: string): Promise<SourceDocument | SourceFailure> {
    const documentUrl = url.split('#')[0] ?? url;
    const startedAt = Date.now();
    const cached = this.cache.get(documentUrl);
    let response: Response;
    try {
      response = await this.fetchFn(documentUrl, {
        headers: { accept: ACCEPT, ...conditionalHeaders(cached) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error: unknown) {
      return networkFailure(documentUrl, error, this.timeoutMs);
    }
    if (response.status === 304 && cached !== undefined) {
      await response.body?.cancel();
      this.notModified += 1;
      return { ...cached.document, status: 'unchanged', ms: Date.now() - startedAt };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { url: documentUrl, status: response.status, kind: 'http', message: `GET returned status ${response.status}` };
    }
    return this.readBody(documentUrl, response, startedAt);
  }

  private async readBody(url: string, response: Response, startedAt: number): Promise<SourceDocument | SourceFailure> {
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > this.maxBytes) {
      await response.body?.cancel();
      return tooLarge(url, response.status, this.maxBytes);
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error: unknown) {
      return networkFailure(url, error, this.timeoutMs);
    }
    if (bytes.byteLength > this.maxBytes) {
      return tooLarge(url, response.status, this.maxBytes);
    }
    this.downloads += 1;
    const document: SourceDocument = {
      url, status: 'downloaded', contentType: response.headers.get('content-type') ?? '',
      body: new TextDecoder().decode(bytes), link: response.headers.get('link'), bytes: bytes.byteLength,
      ms: Date.now() - startedAt,
    };
    this.cache.set(url, {
      document, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'),
    });
    return document;
  }
}

function conditionalHeaders(cached: CachedBody | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (cached?.etag !== null && cached?.etag !== undefined) {
    headers['if-none-match'] = cached.etag;
  }
  if (cached?.lastModified !== null && cached?.lastModified !== undefined) {
    headers['if-modified-since'] = cached.lastModified;
  }
  return headers;
}

function tooLarge(url: string, status: number, maxBytes: number): SourceFailure {
  return { url, status, kind: 'tooLarge', message: `The body is larger than the limit of [${maxBytes}] bytes` };
}

function networkFailure(url: string, error: unknown, timeoutMs: number): SourceFailure {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { url, status: 0, kind: 'timeout', message: `No response within [${timeoutMs}] ms` };
  }
  const text = error instanceof Error
    ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
    : String(error);
  return { url, status: 0, kind: 'network', message: `Request failed: ${text}` };
}
