/**
 * Turns anything thrown into one line for standard error: the error's message, followed by the
 * message of its cause unless the message already contains it, so a failure reads "what
 * failed, because why" without repeating the reason.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return `Unexpected failure: ${String(error)}`;
  }
  const cause = error.cause instanceof Error ? error.cause.message : '';
  if (cause === '' || error.message.includes(cause)) {
    return error.message;
  }
  return `${error.message}: ${cause}`;
}
