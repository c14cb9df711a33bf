import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AccessPolicy } from './AccessPolicy.js';
import { callerOf } from './Caller.js';
import { rejectRequest } from './CallerAuthenticator.js';

/**
 * Returns a route guard that lets a request through only when its caller has `role` in a crawled
 * `org:Membership`, or is an operator. Other callers get a 401 or 403 problem. Mount it after the
 * {@link createCallerAuthenticator} middleware, because that one identifies the caller, as in
 * `router.post('/runs', requireRole('steward', policy), handler)`.
 */
export function requireRole(role: string, policy: AccessPolicy): RequestHandler {
  return (request: Request, response: Response, next: NextFunction): void => {
    try {
      policy.assertHasRole(callerOf(response), role);
      next();
    } catch (error: unknown) {
      rejectRequest(request, response, next, error);
    }
  };
}
