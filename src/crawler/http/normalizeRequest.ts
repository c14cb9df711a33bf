/** A request reduced to a URL string and an init whose headers are a mutable `Headers`. */
export interface NormalizedRequest {
  url: string;
  init: RequestInit & { headers: Headers; method: string };
}

/**
 * Turns the arguments of `fetch` (a string, a URL or a Request, plus an optional init) into a
 * URL without fragment and one init. Fields of `init` win over those of a Request, as in fetch.
 * A Request's body is read into memory, so it can be sent again on a retry or redirect.
 */
export async function normalizeRequest(input: RequestInfo | URL, init?: RequestInit): Promise<NormalizedRequest> {
  let url: string;
  let base: RequestInit = {};
  if (input instanceof Request) {
    url = input.url;
    base = { method: input.method, headers: input.headers, signal: input.signal, redirect: input.redirect };
    if (input.body !== null) {
      base.body = await input.arrayBuffer();
    }
  } else {
    url = String(input);
  }
  const merged: RequestInit = { ...base, ...init };
  const headers = new Headers(init?.headers ?? base.headers);
  const method = (merged.method ?? 'GET').toUpperCase();
  return { url: withoutFragment(url), init: { ...merged, headers, method } };
}

/** Returns `url` without its fragment; fetch never sends one. */
export function withoutFragment(url: string): string {
  const index = url.indexOf('#');
  return index === -1 ? url : url.slice(0, index);
}

/** Returns true when `body` can be sent more than once (anything but a stream). */
export function isReplayable(body: RequestInit['body']): boolean {
  return body === undefined || body === null || !(body instanceof ReadableStream);
}
