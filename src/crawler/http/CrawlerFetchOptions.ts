import type { Logger } from '../../util/index.js';
import type { AddressGuard } from './AddressGuard.js';

/** Running totals of one crawler fetch, for crawl reports and benchmarks. */
export interface CrawlerFetchCounters {
  /** Requests handed to the inner fetch, retries and redirect hops included. */
  attempts: number;
  retries: number;
  redirects: number;
  /** Requests the address guard rejected, redirect targets included. */
  refused: number;
  timeouts: number;
}

/** Settings of {@link createCrawlerFetch}; only `fetch` and `guard` are required. */
export interface CrawlerFetchOptions {
  /** The fetch that sends each request, such as an authenticated session's fetch. */
  fetch: typeof fetch;
  /** Checks every URL before it is requested, redirect targets included. */
  guard: AddressGuard;
  /** Redirects followed per request before a `TooManyRedirectsError`; default 5. */
  maxRedirects?: number;
  /** Requests in flight per origin, from sending until the body is read or cancelled; default 4. */
  maxConcurrentPerOrigin?: number;
  /** Time allowed for one attempt, headers and body, in milliseconds; default 30000. */
  timeoutMs?: number;
  /** Retries after a network error, a timeout or a 5xx status; default 3. 4xx is never retried. */
  retries?: number;
  /** Backoff before the first retry, in milliseconds, doubled for each further one; default 200. */
  retryBaseMs?: number;
  /** Upper bound of one backoff, Retry-After included, in milliseconds; default 5000. */
  retryMaxMs?: number;
  /** Waits the given milliseconds; tests inject one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1) for the jitter; default `Math.random`. */
  random?: () => number;
  /** Totals to increment; pass an object to read them later. */
  counters?: CrawlerFetchCounters;
  logger?: Logger;
}

/** Returns counters that all start at zero. */
export function createCrawlerFetchCounters(): CrawlerFetchCounters {
  return { attempts: 0, retries: 0, redirects: 0, refused: 0, timeouts: 0 };
}
