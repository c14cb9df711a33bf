/** A request attempt that received no response (or no complete body) within its timeout. */
export class FetchTimeoutError extends Error {
  public readonly url: string;
  public readonly timeoutMs: number;

  public constructor(details: { url: string; timeoutMs: number; attempts: number }, options?: { cause?: unknown }) {
    const tries = details.attempts === 1 ? '1 attempt' : `${details.attempts} attempts`;
    super(`Request to [${details.url}] timed out after [${details.timeoutMs}] ms (${tries})`, options);
    this.name = 'FetchTimeoutError';
    this.url = details.url;
    this.timeoutMs = details.timeoutMs;
  }
}
