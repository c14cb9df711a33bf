import { readLimitedBody } from '../../crawler/index.js';

/** Largest issuer configuration, key set or WebID profile read, in bytes. */
export const MAX_AUTH_DOCUMENT_BYTES = 1_048_576;

/**
 * Reads the documents that token verification needs: an issuer's OpenID configuration and key set,
 * and WebID profiles. Every request goes through the injected fetch, which should be a guarded one
 * (see {@link createAuthFetch}), and no body larger than `maxBytes` is read. Throws an `Error` that
 * names the URL and what failed.
 */
export class AuthDocumentFetcher {
  public constructor(
    private readonly fetchFn: typeof fetch,
    private readonly maxBytes = MAX_AUTH_DOCUMENT_BYTES,
  ) {}

  /** Fetches `url` as JSON and returns the parsed value. */
  public async json(url: string): Promise<unknown> {
    const { text } = await this.text(url, 'application/json');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`The document at [${url}] is not valid JSON`);
    }
  }

  /** Fetches `url` with the given `Accept` header; returns the body and the URL it came from. */
  public async text(url: string, accept: string): Promise<{ text: string; url: string }> {
    const response = await this.fetchFn(url, { headers: { accept } });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`GET [${url}] returned the status [${response.status}]`);
    }
    const body = await readLimitedBody(response, url, this.maxBytes);
    return { text: body.toString('utf8'), url: response.url === '' ? url : response.url };
  }
}
