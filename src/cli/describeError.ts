import { RdfFileReadError, RdfParseError } from '../rdf/index.js';

/**
 * Turns anything thrown into one line for standard error: the error's message, followed by the
 * message of its cause, so a failure reads "what failed, because why". The cause is left out
 * when the message already states it: the file errors of `src/rdf/` put their reason in the
 * message and keep the parser's own, often longer, error only as the cause.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return `Unexpected failure: ${String(error)}`;
  }
  const cause = error.cause instanceof Error ? error.cause.message : '';
  const statesCause = error instanceof RdfParseError || error instanceof RdfFileReadError;
  if (cause === '' || statesCause || error.message.includes(cause)) {
    return error.message;
  }
  return `${error.message}: ${cause}`;
}
