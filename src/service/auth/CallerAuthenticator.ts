import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { getLogger } from '../../util/index.js';
import type { AccessPolicy } from './AccessPolicy.js';
import type { Caller } from './Caller.js';
import type { SolidTokenVerifier } from './SolidTokenVerifier.js';
import { UnauthorizedError } from './UnauthorizedError.js';

const logger = getLogger('CallerAuthenticator');

/**
 * Express middleware that authenticates the caller of every request and applies the access policy.
 * It stores the verified {@link Caller} in `response.locals.caller` (read it with `callerOf`).
 */
export type CallerAuthenticator = RequestHandler;

/** Settings of {@link createCallerAuthenticator}. */
export interface CallerAuthenticatorOptions {
  verifier: Pick<SolidTokenVerifier, 'verify'>;
  policy: AccessPolicy;
  /**
   * The service's public base URL, such as `https://aggregator.example/oce/`, when a proxy in front
   * of it changes the scheme, host or path prefix. DPoP proofs name the URL the client called.
   */
  publicUrl?: string;
}

/**
 * Creates the middleware. A request without an `Authorization` header is anonymous. A request
 * with one must carry a valid DPoP-bound Solid-OIDC access token and DPoP proof, or it gets a 401
 * problem with a `WWW-Authenticate: DPoP` challenge whose description names the failed check. Then the policy
 * decides whether the caller may read the path (401, 403 or 503 when not).
 */
export function createCallerAuthenticator(options: CallerAuthenticatorOptions): CallerAuthenticator {
  return async(request: Request, response: Response, next: NextFunction): Promise<void> => {
    // Responses differ by caller, so shared caches must not serve one caller's response to another.
    response.vary('Authorization');
    try {
      const caller = await authenticate(request, options);
      if (caller !== undefined) {
        response.locals.caller = caller;
      }
      options.policy.assertMayRead(caller, request.path);
      next();
    } catch (error: unknown) {
      rejectRequest(request, response, next, error);
    }
  };
}

/** Passes `error` on to the error handler, with the DPoP challenge header for a 401. */
export function rejectRequest(request: Request, response: Response, next: NextFunction, error: unknown): void {
  if (error instanceof UnauthorizedError) {
    response.set('WWW-Authenticate', error.challenge);
    logger.debug({ path: request.path, reason: error.message }, 'Rejected a caller');
  }
  next(error);
}

async function authenticate(request: Request, options: CallerAuthenticatorOptions): Promise<Caller | undefined> {
  const authorization = request.get('authorization');
  if (authorization === undefined) {
    return undefined;
  }
  return options.verifier.verify({
    authorization,
    dpop: request.get('dpop'),
    method: request.method,
    url: requestUrl(request, options.publicUrl),
  });
}

/** Returns the URL the client addressed: on the public base URL when one is set. */
function requestUrl(request: Request, publicUrl: string | undefined): string {
  if (publicUrl === undefined) {
    return `${request.protocol}://${request.get('host') ?? 'localhost'}${request.originalUrl}`;
  }
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  return new URL(request.originalUrl.replace(/^\/+/u, ''), base).href;
}
