/** A response body that is larger than the limit, from its Content-Length or while streaming. */
export class ResponseTooLargeError extends Error {
  public readonly url: string;
  public readonly maxBytes: number;

  public constructor(details: { url: string; maxBytes: number; declaredBytes?: number }) {
    const found = details.declaredBytes === undefined ?
      'its body went past that limit' :
      `its Content-Length is [${details.declaredBytes}]`;
    super(`Response from [${details.url}] is larger than the limit of [${details.maxBytes}] bytes: ${found}`);
    this.name = 'ResponseTooLargeError';
    this.url = details.url;
    this.maxBytes = details.maxBytes;
  }
}
