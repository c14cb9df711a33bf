import type { ReleaseSlot } from './OriginLimiter.js';

// Statuses whose Response cannot be constructed with a body.
const NULL_BODY_STATUSES = new Set([ 101, 103, 204, 205, 304 ]);

/**
 * Returns a response whose body gives back the origin slot when it has been read to the end, has
 * failed or has been cancelled. Errors of the body pass through `mapError`, so a body cut off by
 * the attempt's timeout surfaces as the caller's timeout error. The returned response keeps the
 * original's `url`.
 */
export function holdSlotUntilConsumed(
  response: Response, release: ReleaseSlot, mapError: (error: unknown) => unknown,
): Response {
  const source = response.body;
  if (source === null || NULL_BODY_STATUSES.has(response.status)) {
    release();
    return response;
  }
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller): Promise<void> {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error: unknown) {
        release();
        controller.error(mapError(error));
      }
    },
    async cancel(reason: unknown): Promise<void> {
      release();
      await reader.cancel(reason);
    },
  });
  const wrapped = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(wrapped, 'url', { value: response.url });
  return wrapped;
}
