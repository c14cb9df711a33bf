import { decodeJwt, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { Caller } from './Caller.js';
import { DpopReplayCache } from './DpopReplayCache.js';
import type { IssuerKeyStore } from './IssuerKeyStore.js';
import { ACCEPTED_ALGORITHMS, UnauthorizedError } from './UnauthorizedError.js';
import { verifyDpopProof } from './verifyDpopProof.js';
import type { WebIdIssuerStore } from './WebIdIssuerStore.js';
import { withoutTrailingSlash } from './WebIdIssuerStore.js';

/** Settings of {@link SolidTokenVerifier}; only the two stores are required. */
export interface SolidTokenVerifierOptions {
  keys: IssuerKeyStore;
  webIds: WebIdIssuerStore;
  /** Issuers accepted; empty or absent means any issuer that the caller's WebID profile names. */
  trustedIssuers?: readonly string[];
  /** Oldest DPoP proof accepted, in seconds after its `iat`; default 120. */
  proofMaxAgeSeconds?: number;
  /** Clock difference tolerated with clients and issuers, in seconds; default 30. */
  clockToleranceSeconds?: number;
  /**
   * Whether a DPoP proof must carry `ath`. Default false, because `@inrupt/solid-client-authn-node`
   * 4 sends none; an `ath` that is present is always checked.
   */
  requireAccessTokenHash?: boolean;
  replayCache?: DpopReplayCache;
  now?: () => number;
}

/** The request a token came with: its two headers, method and URL as the client addressed it. */
export interface TokenRequest {
  authorization: string;
  dpop: string | undefined;
  method: string;
  url: string;
}

/**
 * Verifies Solid-OIDC access tokens with their DPoP proofs and returns the caller's WebID. It
 * accepts only DPoP-bound tokens (the `DPoP` scheme and a `cnf.jkt` claim) and checks, in order:
 * the issuer against the trusted issuers, the signature with the issuer's published keys, `aud`
 * containing `solid`, `exp`, `iat` and the `webid` claim, then the DPoP proof (see
 * {@link verifyDpopProof}), then that the WebID's profile names the issuer with
 * `solid:oidcIssuer`, and last that the proof's `jti` was not used before. Every failure is an
 * {@link UnauthorizedError} whose message names the failed check.
 */
export class SolidTokenVerifier {
  private readonly trustedIssuers: ReadonlySet<string>;
  private readonly proofMaxAgeSeconds: number;
  private readonly clockToleranceSeconds: number;
  private readonly requireAccessTokenHash: boolean;
  private readonly replayCache: DpopReplayCache;
  private readonly now: () => number;

  public constructor(private readonly options: SolidTokenVerifierOptions) {
    this.trustedIssuers = new Set((options.trustedIssuers ?? []).map(withoutTrailingSlash));
    this.proofMaxAgeSeconds = options.proofMaxAgeSeconds ?? 120;
    this.clockToleranceSeconds = options.clockToleranceSeconds ?? 30;
    this.requireAccessTokenHash = options.requireAccessTokenHash ?? false;
    this.now = options.now ?? Date.now;
    this.replayCache = options.replayCache ?? new DpopReplayCache(100_000, this.now);
  }

  /** Verifies the token and proof of one request; resolves with the caller they identify. */
  public async verify(request: TokenRequest): Promise<Caller> {
    const token = dpopToken(request.authorization);
    if (request.dpop === undefined || request.dpop === '') {
      throw invalid('The request has a DPoP access token but no DPoP header with a proof');
    }
    const issuer = this.trustedIssuerOf(token);
    const now = new Date(this.now());
    const payload = await this.verifyAccessToken(token, issuer, now);
    const webId = claimText(payload, 'webid');
    const jkt = (payload.cnf as { jkt?: unknown } | undefined)?.jkt;
    if (typeof jkt !== 'string') {
      throw invalid('The access token has no cnf.jkt claim, so it is not bound to a DPoP key');
    }
    const proof = await verifyDpopProof({
      proof: request.dpop, accessToken: token, boundKeyThumbprint: jkt, method: request.method, url: request.url,
      now, maxAgeSeconds: this.proofMaxAgeSeconds, clockToleranceSeconds: this.clockToleranceSeconds,
      requireAccessTokenHash: this.requireAccessTokenHash,
    });
    await this.verifyWebIdNamesIssuer(webId, issuer);
    const keepUntil = (proof.issuedAt + this.proofMaxAgeSeconds + 2 * this.clockToleranceSeconds) * 1000;
    if (!this.replayCache.claim(`${jkt} ${proof.jti}`, keepUntil)) {
      throw invalid(`The DPoP proof [${proof.jti}] was already used; send a new proof with each request`);
    }
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : null;
    return { webId, issuer, clientId, expiresAt: new Date((payload.exp as number) * 1000).toISOString() };
  }

  /** Reads `iss` from the still unverified token and checks it before any key is fetched for it. */
  private trustedIssuerOf(token: string): string {
    let payload: JWTPayload;
    try {
      payload = decodeJwt(token);
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      throw invalid(`The access token is not a valid JWT: ${reason}`);
    }
    const issuer = claimText(payload, 'iss');
    if (!URL.canParse(issuer) || !/^https?:$/u.test(new URL(issuer).protocol)) {
      throw invalid(`The access token's issuer [${issuer}] is not an http(s) URL`);
    }
    if (this.trustedIssuers.size > 0 && !this.trustedIssuers.has(withoutTrailingSlash(issuer))) {
      throw invalid(`The access token's issuer [${issuer}] is not one of the trusted issuers ` +
        `[${[...this.trustedIssuers].join(', ')}]`);
    }
    return issuer;
  }

  private async verifyAccessToken(token: string, issuer: string, now: Date): Promise<JWTPayload> {
    const options = {
      issuer, audience: 'solid', algorithms: [...ACCEPTED_ALGORITHMS], currentDate: now,
      clockTolerance: this.clockToleranceSeconds, requiredClaims: ['exp', 'iat', 'webid'],
    };
    try {
      return (await jwtVerify(token, await this.keysOf(issuer, false), options)).payload;
    } catch (error: unknown) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) {
        throw describeTokenError(error, issuer);
      }
    }
    // The issuer may have rotated its keys since they were fetched: look once more.
    try {
      return (await jwtVerify(token, await this.keysOf(issuer, true), options)).payload;
    } catch (error: unknown) {
      throw describeTokenError(error, issuer);
    }
  }

  private async keysOf(issuer: string, refresh: boolean): Promise<Parameters<typeof jwtVerify>[1]> {
    try {
      return await this.options.keys.keysOf(issuer, refresh);
    } catch (error: unknown) {
      throw invalid(`The signing keys of the issuer [${issuer}] could not be read: ${reasonOf(error)}`);
    }
  }

  private async verifyWebIdNamesIssuer(webId: string, issuer: string): Promise<void> {
    let issuers: string[];
    try {
      issuers = await this.options.webIds.issuersOf(webId);
    } catch (error: unknown) {
      throw invalid(`The WebID profile of [${webId}] could not be read: ${reasonOf(error)}`);
    }
    if (!issuers.includes(withoutTrailingSlash(issuer))) {
      throw invalid(`The WebID profile of [${webId}] names the issuers [${issuers.join(', ')}] with ` +
        `solid:oidcIssuer, not the access token's issuer [${issuer}]`);
    }
  }
}

/** Returns the token of an `Authorization: DPoP <token>` header, rejecting other schemes. */
function dpopToken(authorization: string): string {
  const match = /^(\S+)\s+(\S+)$/u.exec(authorization.trim());
  if (match === null) {
    throw invalid('Expected an Authorization header of the form [DPoP <access token>]');
  }
  if (match[1]!.toLowerCase() !== 'dpop') {
    throw invalid(`Expected the Authorization scheme [DPoP] with a DPoP-bound access token, got [${match[1]}]`);
  }
  return match[2]!;
}

function claimText(payload: JWTPayload, claim: string): string {
  const value = payload[claim];
  if (typeof value !== 'string' || value === '') {
    throw invalid(`The access token has no ${claim} claim`);
  }
  return value;
}

function describeTokenError(error: unknown, issuer: string): UnauthorizedError {
  if (error instanceof UnauthorizedError) {
    return error;
  }
  if (error instanceof errors.JWTExpired) {
    return invalid(`The access token expired at [${new Date(Number(error.payload.exp) * 1000).toISOString()}]`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') {
      return invalid(`The access token's audience [${[error.payload.aud ?? ''].flat().join(', ')}] ` +
        'does not include [solid]');
    }
    return invalid(`The access token's ${error.claim} claim is invalid: ${error.message}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return invalid(`The access token's signature does not verify with the keys of its issuer [${issuer}]`);
  }
  return invalid(`The access token is not a valid JWT signed with an asymmetric key: ${reasonOf(error)}`);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function invalid(message: string): UnauthorizedError {
  return new UnauthorizedError(message, true);
}
