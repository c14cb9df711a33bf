import { ApiError } from '../api/ApiProblem.js';

/** JWS algorithms the service accepts for access tokens and DPoP proofs: asymmetric ones only. */
export const ACCEPTED_ALGORITHMS: readonly string[] = [
  'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512', 'EdDSA', 'Ed25519',
];

/**
 * Raised with a 401 when a request needs an authenticated caller and has none, or when its
 * access token or DPoP proof is invalid. `challenge` is the `WWW-Authenticate` value to send with
 * it: the DPoP scheme of RFC 9449, with `error="invalid_token"` when a token was sent.
 */
export class UnauthorizedError extends ApiError {
  public readonly challenge: string;

  public constructor(message: string, invalidToken: boolean) {
    super(401, invalidToken ? 'invalid-token' : 'unauthenticated', 'Unauthorized', message);
    this.name = 'UnauthorizedError';
    const algorithms = `algs="${ACCEPTED_ALGORITHMS.join(' ')}"`;
    this.challenge = invalidToken ?
      `DPoP error="invalid_token", error_description="${headerText(message)}", ${algorithms}` :
      `DPoP ${algorithms}`;
  }
}

/** Turns a message into a quoted-string body: printable ASCII only, quotes and backslashes escaped. */
function headerText(message: string): string {
  return message.replace(/[^\x20-\x7e]/gu, '?').replace(/["\\]/gu, '\\$&').slice(0, 300);
}
