import { setTimeout as delay } from 'node:timers/promises';
import { getLogger } from '../../util/index.js';
import type { Logger } from '../../util/index.js';
import type { AddressGuard } from './AddressGuard.js';
import { AddressRefusedError } from './AddressRefusedError.js';
import { createCrawlerFetchCounters } from './CrawlerFetchOptions.js';
import type { CrawlerFetchCounters, CrawlerFetchOptions } from './CrawlerFetchOptions.js';
import { FetchTimeoutError } from './FetchTimeoutError.js';
import { holdSlotUntilConsumed } from './holdSlotUntilConsumed.js';
import { isReplayable, normalizeRequest, withoutFragment } from './normalizeRequest.js';
import type { NormalizedRequest } from './normalizeRequest.js';
import { OriginLimiter } from './OriginLimiter.js';
import { REDIRECT_STATUSES, redirectRequest } from './redirectRequest.js';
import { RedirectLoopError } from './RedirectLoopError.js';
import { computeRetryDelay, parseRetryAfter } from './RetryDelay.js';
import { TooManyRedirectsError } from './TooManyRedirectsError.js';

// Only these methods are retried: repeating them has the same effect as sending them once.
const IDEMPOTENT_METHODS = new Set([ 'GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE' ]);

/** Marks an attempt that ran out of time, before the number of attempts is known. */
class AttemptTimedOut extends Error {}

/**
 * Wraps a fetch for crawling untrusted pods: every hop is checked by the address guard, redirects
 * are followed by hand up to a maximum with loop detection, requests per origin are limited, each
 * attempt has a timeout, and network errors, timeouts and 5xx responses of idempotent requests are
 * retried with exponential backoff and full jitter. Throws `AddressRefusedError`,
 * `FetchTimeoutError`, `TooManyRedirectsError` or `RedirectLoopError`; any other error is the
 * inner fetch's own. After the last retry a 5xx response is returned, not thrown.
 */
export function createCrawlerFetch(options: CrawlerFetchOptions): typeof fetch {
  const crawlerFetch = new CrawlerFetch(options);
  return async(input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    crawlerFetch.fetch(await normalizeRequest(input, init));
}

class CrawlerFetch {
  private readonly inner: typeof fetch;
  private readonly guard: AddressGuard;
  private readonly limiter: OriginLimiter;
  private readonly maxRedirects: number;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoff: { baseMs: number; maxMs: number; random: () => number };
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly counters: CrawlerFetchCounters;
  private readonly logger: Logger;

  public constructor(options: CrawlerFetchOptions) {
    this.inner = options.fetch;
    this.guard = options.guard;
    this.limiter = new OriginLimiter(options.maxConcurrentPerOrigin ?? 4);
    this.maxRedirects = options.maxRedirects ?? 5;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.backoff = {
      baseMs: options.retryBaseMs ?? 200,
      maxMs: options.retryMaxMs ?? 5_000,
      random: options.random ?? Math.random,
    };
    this.sleep = options.sleep ?? (async(ms: number): Promise<void> => delay(ms));
    this.counters = options.counters ?? createCrawlerFetchCounters();
    this.logger = options.logger ?? getLogger('CrawlerFetch');
  }

  /** Sends `request`, following redirects by hand so that the guard checks every hop. */
  public async fetch(request: NormalizedRequest): Promise<Response> {
    const chain = [ request.url ];
    let current = request;
    for (;;) {
      await this.checkAddress(current.url);
      const response = await this.sendWithRetries(current);
      const location = response.headers.get('location');
      const follows = REDIRECT_STATUSES.has(response.status) && location !== null &&
        request.init.redirect !== 'manual' && (isReplayable(current.init.body) || response.status === 303);
      if (!follows) {
        return response;
      }
      await response.body?.cancel();

      // A relative Location is resolved against the URL that returned it.
      const next = withoutFragment(new URL(location, current.url).href);
      if (chain.includes(next)) {
        throw new RedirectLoopError({ url: request.url, chain: [ ...chain, next ] });
      }
      if (chain.length > this.maxRedirects) {
        const maxRedirects = this.maxRedirects;
        throw new TooManyRedirectsError({ url: request.url, maxRedirects, chain: [ ...chain, next ] });
      }
      this.counters.redirects += 1;
      chain.push(next);
      current = redirectRequest(current, response.status, next);
    }
  }

  private async checkAddress(url: string): Promise<void> {
    try {
      await this.guard.check(url);
    } catch (error: unknown) {
      if (error instanceof AddressRefusedError) {
        this.counters.refused += 1;
      }
      throw error;
    }
  }

  /** Sends one hop, retrying network errors, timeouts and 5xx responses of idempotent requests. */
  private async sendWithRetries(request: NormalizedRequest): Promise<Response> {
    const callerSignal = request.init.signal ?? undefined;
    const retries = IDEMPOTENT_METHODS.has(request.init.method) && isReplayable(request.init.body) ? this.retries : 0;
    for (let attempt = 1; ; attempt += 1) {
      let reason: string;
      let retryAfterMs: number | undefined;
      try {
        const response = await this.attempt(request, callerSignal);
        if (response.status < 500 || attempt > retries) {
          return response;
        }
        reason = `status ${response.status}`;
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        await response.body?.cancel();
      } catch (error: unknown) {
        const retryable = error instanceof AttemptTimedOut || error instanceof TypeError;
        if (callerSignal?.aborted === true || !retryable || attempt > retries) {
          throw this.finalError(error, request.url, attempt);
        }
        reason = describe(error);
      }
      const delayMs = computeRetryDelay(attempt, this.backoff, retryAfterMs);
      this.logger.warn({ url: request.url, attempt, reason, delayMs }, 'Retrying request');
      this.counters.retries += 1;
      await this.sleep(delayMs);
    }
  }

  /** Sends one request in an origin slot with its own timeout, combined with the caller's signal. */
  private async attempt(request: NormalizedRequest, callerSignal: AbortSignal | undefined): Promise<Response> {
    const release = await this.limiter.acquire(new URL(request.url).origin);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = callerSignal === undefined ? timeout : AbortSignal.any([ callerSignal, timeout ]);
    // Also gives back the slot of a response whose body is never read: the abort ends it anyway.
    signal.addEventListener('abort', release, { once: true });
    const timedOut = (): boolean => timeout.aborted && callerSignal?.aborted !== true;
    this.counters.attempts += 1;
    let response: Response;
    try {
      response = await this.inner(request.url, { ...request.init, redirect: 'manual', signal });
    } catch (error: unknown) {
      release();
      if (!timedOut()) {
        throw error;
      }
      this.counters.timeouts += 1;
      throw new AttemptTimedOut('timed out', { cause: error });
    }
    const mapBodyError = (error: unknown): unknown => {
      if (!timedOut()) {
        return error;
      }
      this.counters.timeouts += 1;
      return this.finalError(new AttemptTimedOut('timed out', { cause: error }), request.url, 1);
    };
    return holdSlotUntilConsumed(response, release, mapBodyError);
  }

  private finalError(error: unknown, url: string, attempts: number): unknown {
    if (error instanceof AttemptTimedOut) {
      return new FetchTimeoutError({ url, timeoutMs: this.timeoutMs, attempts }, { cause: error.cause });
    }
    return error;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
