import { createHash, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import { listenOn } from '../../../../src/service/index.js';

/** A client's DPoP key pair with the thumbprint an access token binds to. */
export interface DpopKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  thumbprint: string;
}

/** Creates an ES256 DPoP key pair. */
export async function createDpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk = await exportJWK(publicKey);
  return { privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk, 'sha256') };
}

/** Claims and header fields of one DPoP proof; `claims` replace or add to the defaults. */
export interface ProofOptions {
  method: string;
  url: string;
  accessToken?: string;
  /** Issued-at in epoch seconds; default now. */
  issuedAt?: number;
  claims?: Record<string, unknown>;
  /** Omit the `ath` claim even with an access token. */
  withoutAth?: boolean;
}

/** Signs a DPoP proof with `key`, with a fresh `jti` and, given an access token, its `ath`. */
export async function createProof(key: DpopKey, options: ProofOptions): Promise<string> {
  const ath = options.accessToken === undefined || options.withoutAth === true ? {} :
    { ath: createHash('sha256').update(options.accessToken).digest('base64url') };
  return new SignJWT({ htm: options.method, htu: options.url, jti: randomUUID(), ...ath, ...options.claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.publicJwk })
    .setIssuedAt(options.issuedAt ?? Math.floor(Date.now() / 1000))
    .sign(key.privateKey);
}

/**
 * An OpenID issuer that the tests control, on 127.0.0.1: it publishes its configuration and key
 * set, serves WebID profiles `/people/NAME` that name it with `solid:oidcIssuer`, and signs access
 * tokens with any claims, expired or for other audiences included. It counts the requests it gets.
 */
export class TestIssuer {
  /** Paths requested, in order. */
  public readonly requests: string[] = [];

  private constructor(
    private readonly server: Server,
    public readonly url: string,
    private readonly signingKey: CryptoKey,
    /** Issuers that profiles name; tests change it. */
    public profileIssuers: string[],
  ) {}

  /** Starts an issuer on a free loopback port. */
  public static async start(): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...await exportJWK(publicKey), kid: 'test-key', alg: 'ES256', use: 'sig' };
    const app = express();
    // The routes read the issuer, which exists once the server listens and its URL is known.
    const started: { issuer?: TestIssuer } = {};
    app.use((request, _response, next) => {
      started.issuer?.requests.push(request.path);
      next();
    });
    app.get('/.well-known/openid-configuration', (_request, response) => {
      response.json({ issuer: started.issuer?.url, jwks_uri: `${started.issuer?.url}jwks` });
    });
    app.get('/jwks', (_request, response) => {
      response.json({ keys: [jwk] });
    });
    app.get('/people/:name', (request, response) => {
      const issuers = (started.issuer?.profileIssuers ?? []).map((url) => `<${url}>`).join(', ');
      response.type('text/turtle').send(
        `<#me> a <http://xmlns.com/foaf/0.1/Person>; <http://www.w3.org/ns/solid/terms#oidcIssuer> ${issuers}.\n`);
    });
    const server = await listenOn(app, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    started.issuer = new TestIssuer(server, url, privateKey, [url]);
    return started.issuer;
  }

  /** Returns the WebID of a profile this issuer serves. */
  public webIdOf(name: string): string {
    return `${this.url}people/${name}#me`;
  }

  /**
   * Signs an access token for `webId` bound to `key`, valid for 5 minutes from `issuedAt` (epoch
   * seconds, default now). The `claims` replace or add to the defaults.
   */
  public async issueToken(
    webId: string, key: DpopKey, claims: JWTPayload = {}, issuedAt?: number, keyId = 'test-key',
  ): Promise<string> {
    const iat = issuedAt ?? Math.floor(Date.now() / 1000);
    return new SignJWT({
      webid: webId, sub: webId, client_id: 'test-client', cnf: { jkt: key.thumbprint },
      iss: this.url, aud: ['solid', 'test-client'], iat, exp: iat + 300, ...claims,
    }).setProtectedHeader({ alg: 'ES256', kid: keyId, typ: 'at+jwt' }).sign(this.signingKey);
  }

  /** Stops the server. */
  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error === undefined ? resolve() : reject(error)));
    });
  }
}

/** Returns a fetch that records the URL of every request and then sends it with the global fetch. */
export function recordingFetch(urls: string[]): typeof fetch {
  return async(input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
}
