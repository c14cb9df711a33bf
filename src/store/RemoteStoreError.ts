/**
 * Raised when a remote store rejects a write or cannot be reached. The message names the request,
 * the URL, the HTTP status and the server's own message; each is kept as a field too.
 */
export class RemoteStoreError extends Error {
  public constructor(
    public readonly method: string,
    public readonly url: string,
    /** HTTP status of the response; undefined when no response arrived. */
    public readonly status: number | undefined,
    public readonly serverMessage: string,
    options?: { cause?: unknown },
  ) {
    const outcome = status === undefined ? 'failed' : `failed with status [${status}]`;
    super(`${method} [${url}] ${outcome}: ${serverMessage}`, options);
    this.name = 'RemoteStoreError';
  }
}
