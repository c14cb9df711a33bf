/** Default max length of a request value that a problem detail repeats back to the caller. */
export const MAX_ECHO_LENGTH = 64;

/**
 * Returns a request value for a problem detail, cut to its first `maxLength` characters followed
 * by `…` when it is longer, so a huge value does not fill the response.
 */
export function echoValue(text: string, maxLength = MAX_ECHO_LENGTH): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
