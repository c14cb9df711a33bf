import type { NormalizedRequest } from './normalizeRequest.js';

/** Statuses that carry a Location to follow (RFC 9110 section 15.4). */
export const REDIRECT_STATUSES = new Set([ 301, 302, 303, 307, 308 ]);

// Headers that must not travel to another origin, and those that describe a dropped body.
const CREDENTIAL_HEADERS = [ 'authorization', 'cookie', 'proxy-authorization' ];
const BODY_HEADERS = [ 'content-type', 'content-length', 'content-encoding', 'content-language', 'content-location' ];

/**
 * Builds the request for the next hop of a redirect, following the Fetch standard: a 303 (or a
 * 301/302 after a POST) becomes a GET without body, and credentials set by the caller are dropped
 * when the origin changes.
 */
export function redirectRequest(previous: NormalizedRequest, status: number, nextUrl: string): NormalizedRequest {
  const headers = new Headers(previous.init.headers);
  let { method, body } = previous.init;
  const becomesGet = (status === 303 && method !== 'GET' && method !== 'HEAD') ||
    ((status === 301 || status === 302) && method === 'POST');
  if (becomesGet) {
    method = 'GET';
    body = undefined;
    for (const name of BODY_HEADERS) {
      headers.delete(name);
    }
  }
  if (new URL(previous.url).origin !== new URL(nextUrl).origin) {
    for (const name of CREDENTIAL_HEADERS) {
      headers.delete(name);
    }
  }
  return { url: nextUrl, init: { ...previous.init, method, body, headers } };
}
