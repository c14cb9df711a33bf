/**
 * Turns anything thrown into one line for standard error: the error's name and message, and
 * the message of its cause when there is one, so a failure reads "what failed, because why".
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return `Unexpected failure: ${String(error)}`;
  }
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
