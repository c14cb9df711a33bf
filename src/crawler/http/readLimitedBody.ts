import { ResponseTooLargeError } from './ResponseTooLargeError.js';

/**
 * Reads the body of `response` into memory, but no more than `maxBytes`. A Content-Length above
 * the limit is rejected before reading. A body that grows past the limit while streaming is
 * cancelled at that point, so the rest is never downloaded. Both cases throw
 * {@link ResponseTooLargeError}.
 */
export async function readLimitedBody(response: Response, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new ResponseTooLargeError({ url, maxBytes, declaredBytes: declared });
  }
  if (response.body === null) {
    return Buffer.alloc(0);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ResponseTooLargeError({ url, maxBytes });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
