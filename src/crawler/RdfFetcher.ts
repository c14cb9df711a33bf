import { parseRdf } from '../rdf/index.js';
import type { ParsedDocument } from '../rdf/index.js';
import type { CrawlError } from './CrawlReport.js';

/** Parses one fetched document; the crawler uses `parseRdf` unless a test injects another. */
export type DocumentParser = (
  text: string, options: { source: string; contentType?: string },
) => Promise<ParsedDocument>;

/** A fetched and parsed document, or the reason it could not be had. */
export type FetchOutcome =
  | { document: ParsedDocument; error?: undefined }
  | { document?: undefined; error: CrawlError };

// The wildcard gets documents stored in other formats too, so they are reported as unparseable
// instead of as a 406 or 501 from the server's converter.
const ACCEPT = 'text/turtle, application/ld+json;q=0.9, application/n-triples;q=0.8, application/rdf+xml;q=0.5, */*;q=0.1';

/**
 * Fetches RDF documents with an injected fetch and parses them with the content type of the
 * response. Every failure (no response, timeout, a non-2xx status, a parse error) comes back as a
 * {@link CrawlError} value, never as an exception.
 */
export class RdfFetcher {
  private readonly fetchFn: typeof fetch;
  private readonly parse: DocumentParser;
  private readonly timeoutMs: number;

  public constructor(options: { fetch: typeof fetch; parse?: DocumentParser; timeoutMs: number }) {
    this.fetchFn = options.fetch;
    this.parse = options.parse ?? parseRdf;
    this.timeoutMs = options.timeoutMs;
  }

  /** Fetches and parses `url`; the URL without fragment is the document's source and base IRI. */
  public async fetchDocument(url: string): Promise<FetchOutcome> {
    const documentUrl = url.split('#')[0] ?? url;
    let response: Response;
    try {
      response = await this.fetchFn(documentUrl, {
        headers: { accept: ACCEPT },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error: unknown) {
      return { error: { url: documentUrl, status: 0, message: `Request failed: ${describe(error)}` } };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { error: { url: documentUrl, status: response.status, message: `GET returned status ${response.status}` } };
    }
    try {
      const text = await response.text();
      const contentType = response.headers.get('content-type') ?? undefined;
      const document = await this.parse(text, { source: documentUrl, contentType });
      return { document };
    } catch (error: unknown) {
      return { error: { url: documentUrl, status: response.status, message: describe(error) } };
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
