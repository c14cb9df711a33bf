import { AddressGuard, createCrawlerFetch } from '../../crawler/index.js';
import type { AddressPolicy } from '../../crawler/index.js';

/** Settings of {@link createAuthFetch}. */
export interface AuthFetchOptions {
  /** Address ranges beyond public ones that may be reached, as for the crawler. */
  addressPolicy: AddressPolicy;
  /** The fetch that sends requests; default the global one. */
  fetch?: typeof fetch;
  /** Time allowed for one request, in milliseconds; default 10 000. */
  timeoutMs?: number;
}

/**
 * Creates the fetch that token verification reads issuer keys and WebID profiles with. Callers
 * choose those URLs (a token names its issuer and WebID), so every request and redirect hop is
 * checked by the crawler's {@link AddressGuard}: link-local and metadata addresses are always
 * rejected, and loopback and private ranges only pass when the policy allows them. Requests are
 * not retried, follow at most 3 redirects and time out after `timeoutMs`.
 */
export function createAuthFetch(options: AuthFetchOptions): typeof fetch {
  return createCrawlerFetch({
    fetch: options.fetch ?? globalThis.fetch,
    guard: new AddressGuard(options.addressPolicy),
    retries: 0,
    maxRedirects: 3,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
}
