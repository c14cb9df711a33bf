import assert from 'node:assert/strict';
import { problemOf, UnauthorizedError } from '../../../src/service/index.js';

const ALGORITHMS = 'algs="ES256 ES384 ES512 PS256 PS384 PS512 RS256 RS384 RS512 EdDSA Ed25519"';

describe('An UnauthorizedError', () => {
  it('challenges a request without a token with the DPoP scheme.', () => {
    const error = new UnauthorizedError('Send a token', false);
    assert.equal(error.challenge, `DPoP ${ALGORITHMS}`);
    assert.deepEqual(problemOf(error), {
      type: 'https://w3id.org/oce/problems#unauthenticated', title: 'Unauthorized', status: 401,
      detail: 'Send a token',
    });
  });

  it('escapes the message in the invalid_token challenge.', () => {
    const error = new UnauthorizedError('The claim ["x\\y"] is wrong\r\nSet-Cookie: a=b', true);
    assert.equal(error.challenge, 'DPoP error="invalid_token", error_description="The claim [\\"x\\\\y\\"] is ' +
      `wrong??Set-Cookie: a=b", ${ALGORITHMS}`);
    assert.equal(problemOf(error).type, 'https://w3id.org/oce/problems#invalid-token');
  });
});
