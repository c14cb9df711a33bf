import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, EmbeddedJWK, errors, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import { ACCEPTED_ALGORITHMS, UnauthorizedError } from './UnauthorizedError.js';

/** The request and access token that a DPoP proof must match. */
export interface DpopProofExpectation {
  /** The compact DPoP proof JWT from the `DPoP` header. */
  proof: string;
  /** The access token, for the proof's `ath` claim. */
  accessToken: string;
  /** The `cnf.jkt` of the access token: the thumbprint of the key the proof must be signed with. */
  boundKeyThumbprint: string;
  /** The request method, upper case. */
  method: string;
  /** The request URL as the client addressed it. */
  url: string;
  /** The time of the check. */
  now: Date;
  /** Oldest accepted proof, in seconds after its `iat`. */
  maxAgeSeconds: number;
  /** Clock difference tolerated between client and service, in seconds. */
  clockToleranceSeconds: number;
  /** Whether a proof without `ath` is rejected. */
  requireAccessTokenHash: boolean;
}

/** The parts of a verified proof the replay check needs. */
export interface VerifiedDpopProof {
  jti: string;
  /** `iat` in epoch seconds. */
  issuedAt: number;
}

/**
 * Verifies a DPoP proof by the checks of RFC 9449, section 4.3. The proof must be a `dpop+jwt`
 * signed with an asymmetric algorithm by the public key in its own `jwk` header, and that key's
 * thumbprint must equal the access token's `cnf.jkt`. Its `htm` and `htu` must equal the request's
 * method and URL (query and fragment ignored), its `iat` must be recent, it needs a `jti`, and an
 * `ath` must be the SHA-256 of the access token. Throws an {@link UnauthorizedError} naming the
 * failed check. The caller checks replays.
 */
export async function verifyDpopProof(expected: DpopProofExpectation): Promise<VerifiedDpopProof> {
  const { payload, protectedHeader } = await verifyProofSignature(expected);
  const thumbprint = await calculateJwkThumbprint(protectedHeader.jwk as JWK, 'sha256');
  if (thumbprint !== expected.boundKeyThumbprint) {
    throw invalid(`The DPoP proof is signed with the key [${thumbprint}], but the access token is bound to the ` +
      `key [${expected.boundKeyThumbprint}]`);
  }
  if (payload.htm !== expected.method) {
    throw invalid(`The DPoP proof is for the method [${String(payload.htm)}], but the request method is ` +
      `[${expected.method}]`);
  }
  const requestUrl = withoutQuery(expected.url);
  if (typeof payload.htu !== 'string' || withoutQuery(payload.htu) !== requestUrl) {
    throw invalid(`The DPoP proof is for the URL [${String(payload.htu)}], but the request URL is [${requestUrl}]`);
  }
  verifyAccessTokenHash(payload.ath, expected);
  if (typeof payload.jti !== 'string' || payload.jti === '') {
    throw invalid('The DPoP proof has no jti claim');
  }
  return { jti: payload.jti, issuedAt: payload.iat as number };
}

async function verifyProofSignature(expected: DpopProofExpectation): Promise<Awaited<ReturnType<typeof jwtVerify>>> {
  try {
    return await jwtVerify(expected.proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: [...ACCEPTED_ALGORITHMS],
      currentDate: expected.now,
      maxTokenAge: expected.maxAgeSeconds,
      clockTolerance: expected.clockToleranceSeconds,
    });
  } catch (error: unknown) {
    throw invalid(describeProofError(error, expected));
  }
}

function describeProofError(error: unknown, expected: DpopProofExpectation): string {
  // jose raises JWTExpired for an iat older than maxTokenAge, and JWTClaimValidationFailed for one in the future.
  const claimError = error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired;
  if (claimError && error.claim === 'iat' && typeof error.payload.iat === 'number') {
    const when = new Date(error.payload.iat * 1000).toISOString();
    return `The DPoP proof was issued at [${when}], not within the accepted ${expected.maxAgeSeconds} s ` +
      `(plus ${expected.clockToleranceSeconds} s of clock difference) before the request at ` +
      `[${expected.now.toISOString()}]; send a new proof with each request`;
  }
  if (claimError) {
    return `The DPoP proof's ${error.claim} claim is invalid: ${error.message}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The DPoP proof signature does not verify with the key in its jwk header';
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `The DPoP proof is not a valid dpop+jwt signed with an asymmetric key: ${reason}`;
}

function verifyAccessTokenHash(ath: unknown, expected: DpopProofExpectation): void {
  if (ath === undefined) {
    if (expected.requireAccessTokenHash) {
      throw invalid('The DPoP proof has no ath claim, the hash of the access token it is sent with');
    }
    return;
  }
  const hash = createHash('sha256').update(expected.accessToken, 'ascii').digest('base64url');
  if (ath !== hash) {
    const received = typeof ath === 'string' ? ath : JSON.stringify(ath);
    throw invalid(`The DPoP proof's ath claim [${received}] is not the hash of the access token sent with it`);
  }
}

/** Returns the URL without query and fragment, normalized (case of scheme and host, default port). */
function withoutQuery(url: string): string {
  if (!URL.canParse(url)) {
    return url;
  }
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function invalid(message: string): UnauthorizedError {
  return new UnauthorizedError(message, true);
}
