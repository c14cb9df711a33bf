import type { Response } from 'express';

/** An authenticated caller of the service, as its verified access token states it. */
export interface Caller {
  webId: string;
  /** The OpenID issuer that signed the access token. */
  issuer: string;
  /** The token's `client_id` claim: the application the caller uses, when stated. */
  clientId: string | null;
  /** When the access token expires, as an ISO 8601 UTC timestamp. */
  expiresAt: string;
}

/**
 * Returns the caller that the authenticator stored in `response.locals.caller`, or undefined for
 * an anonymous request.
 */
export function callerOf(response: Response): Caller | undefined {
  const locals = response.locals as { caller?: Caller };
  return locals.caller;
}
