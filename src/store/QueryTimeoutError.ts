/** Raised when a query runs longer than its time limit and is stopped. */
export class QueryTimeoutError extends Error {
  public constructor(public readonly timeoutMs: number) {
    super(`The query timed out after [${timeoutMs}] ms; narrow it or add a LIMIT`);
    this.name = 'QueryTimeoutError';
  }
}
