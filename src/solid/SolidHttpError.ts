/**
 * A request to a Solid server that failed: names the method, the URL, the status (0 when no
 * response arrived) and the start of the response body.
 */
export class SolidHttpError extends Error {
  public readonly method: string;
  public readonly url: string;
  public readonly status: number;
  public readonly body: string;

  public constructor(
    operation: string,
    details: { method: string; url: string; status: number; body?: string; cause?: unknown },
  ) {
    const body = (details.body ?? '').slice(0, 300);
    const received = details.status === 0 ? 'no response' : `status [${details.status}]`;
    super(`${operation} failed: ${details.method} [${details.url}] returned ${received}${body ? `: [${body}]` : ''}`,
      { cause: details.cause });
    this.name = 'SolidHttpError';
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.body = body;
  }

  /** Builds the error from a response that was not successful, reading its body for the message. */
  public static async fromResponse(
    operation: string, method: string, response: Response, requestUrl?: string,
  ): Promise<SolidHttpError> {
    const body = await response.text().catch(() => '');
    const url = requestUrl ?? response.url;
    return new SolidHttpError(operation, { method, url, status: response.status, body });
  }
}
