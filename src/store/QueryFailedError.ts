/**
 * Raised when the engine parses a query but cannot evaluate it, such as a `SERVICE` call or a
 * custom function the engine does not support. The message is the engine's.
 */
export class QueryFailedError extends Error {
  public constructor(public readonly engineMessage: string, options?: { cause?: unknown }) {
    super(`The query failed: ${engineMessage}`, options);
    this.name = 'QueryFailedError';
  }
}
