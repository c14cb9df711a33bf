/** Inputs of a backoff computation, in milliseconds. */
export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
  /** Returns a number in [0, 1). */
  random: () => number;
}

/**
 * Returns the wait before retry number `retry` (1 for the first): a Retry-After value when the
 * server sent one, else full jitter, a uniform draw from [0, min(maxMs, baseMs * 2^(retry-1))).
 * Both are capped at `maxMs`.
 */
export function computeRetryDelay(retry: number, settings: BackoffSettings, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) {
    return Math.min(retryAfterMs, settings.maxMs);
  }
  const ceiling = Math.min(settings.maxMs, settings.baseMs * 2 ** (retry - 1));
  return Math.floor(settings.random() * ceiling);
}

/**
 * Parses a Retry-After header (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date. Returns
 * milliseconds from `now`, or undefined when the header is missing or invalid.
 */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (value === null) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/u.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  // Every HTTP-date form names a day or month, so a value without letters is not a date.
  const date = /[a-z]/iu.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, date - now.getTime());
}
