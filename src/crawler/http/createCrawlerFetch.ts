import type { CrawlerFetchOptions } from './CrawlerFetchOptions.js';

/**
 * Wraps a fetch for crawling untrusted pods: every hop is checked by the address guard, redirects
 * are followed by hand up to a maximum with loop detection, requests per origin are limited, each
 * attempt has a timeout, and network errors, timeouts and 5xx answers are retried with
 * exponential backoff and full jitter. Throws `AddressRefusedError`, `FetchTimeoutError`,
 * `TooManyRedirectsError` or `RedirectLoopError`; any other error is the inner fetch's own.
 */
export function createCrawlerFetch(options: CrawlerFetchOptions): typeof fetch {
  void options;
  throw new Error('createCrawlerFetch is being built');
}
