import assert from 'node:assert/strict';
import { AddressRefusedError } from '../../../src/crawler/index.js';
import {
  AuthDocumentFetcher, createAuthFetch, IssuerKeyStore, SolidTokenVerifier, UnauthorizedError,
  WebIdIssuerStore,
} from '../../../src/service/index.js';
import type { SolidTokenVerifierOptions, TokenRequest } from '../../../src/service/index.js';
import { createDpopKey, createProof, recordingFetch, TestIssuer } from './support/TestIssuer.js';
import type { DpopKey } from './support/TestIssuer.js';

const URL_A = 'http://127.0.0.1:9/api/views/network';

describe('A SolidTokenVerifier', () => {
  let issuer: TestIssuer;
  let key: DpopKey;
  let webId: string;
  let fetched: string[];

  before(async () => {
    issuer = await TestIssuer.start();
    key = await createDpopKey();
    webId = issuer.webIdOf('ada');
  });

  after(async () => {
    await issuer.stop();
  });

  beforeEach(() => {
    fetched = [];
    issuer.profileIssuers = [issuer.url];
  });

  function verifier(options: Partial<SolidTokenVerifierOptions> = {}): SolidTokenVerifier {
    const fetcher = new AuthDocumentFetcher(createAuthFetch({
      addressPolicy: { allowLoopback: true, allowPrivate: false },
      fetch: recordingFetch(fetched),
    }));
    const now = options.now ?? Date.now;
    return new SolidTokenVerifier({
      keys: new IssuerKeyStore(fetcher, { now }), webIds: new WebIdIssuerStore(fetcher, { now }), ...options,
    });
  }

  async function request(token: string, proofOptions: { method?: string; url?: string } = {}): Promise<TokenRequest> {
    const proof = await createProof(key, { method: proofOptions.method ?? 'GET', url: proofOptions.url ?? URL_A,
      accessToken: token });
    return { authorization: `DPoP ${token}`, dpop: proof, method: 'GET', url: URL_A };
  }

  async function assertRejected(promise: Promise<unknown>, message: string): Promise<void> {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof UnauthorizedError, `expected an UnauthorizedError, got ${String(error)}`);
      assert.equal(error.message, message);
      assert.equal(error.status, 401);
      return true;
    });
  }

  it('returns the WebID of a valid token and proof.', async () => {
    const token = await issuer.issueToken(webId, key);
    const caller = await verifier().verify(await request(token));
    assert.equal(caller.webId, webId);
    assert.equal(caller.issuer, issuer.url);
    assert.equal(caller.clientId, 'test-client');
  });

  it('fetches the issuer keys and profile once, then uses the cache.', async () => {
    const checker = verifier();
    const token = await issuer.issueToken(webId, key);
    await checker.verify(await request(token));
    assert.deepEqual(fetched, [
      `${issuer.url}.well-known/openid-configuration`, `${issuer.url}jwks`, `${issuer.url}people/ada`,
    ]);
    await checker.verify(await request(token));
    assert.equal(fetched.length, 3);
  });

  it('refreshes keys for an unknown key id at most every 30 s.', async () => {
    let clock = Date.now();
    const checker = verifier({ now: () => clock });
    await checker.verify(await request(await issuer.issueToken(webId, key)));
    const unknownKey = await issuer.issueToken(webId, key, {}, undefined, 'rotated-key');
    const message = `The access token's signature does not verify with the keys of its issuer [${issuer.url}]`;
    await assertRejected(checker.verify(await request(unknownKey)), message);
    assert.equal(fetched.length, 3);
    clock += 30_000;
    await assertRejected(checker.verify(await request(unknownKey)), message);
    assert.deepEqual(fetched.slice(3), [`${issuer.url}.well-known/openid-configuration`, `${issuer.url}jwks`]);
  });

  it('rejects a token whose payload was changed.', async () => {
    const token = await issuer.issueToken(webId, key);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({
      webid: issuer.webIdOf('eve'), iss: issuer.url, aud: 'solid', cnf: { jkt: key.thumbprint },
      iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300,
    })).toString('base64url');
    const tampered = `${header}.${payload}.${signature}`;
    await assertRejected(verifier().verify(await request(tampered)),
      `The access token's signature does not verify with the keys of its issuer [${issuer.url}]`);
  });

  it('rejects an expired token.', async () => {
    const token = await issuer.issueToken(webId, key, { exp: 1_800_000_000 }, 1_799_999_000);
    const now = (): number => 1_800_000_600_000;
    const proof = await createProof(key, { method: 'GET', url: URL_A, accessToken: token, issuedAt: 1_800_000_600 });
    await assertRejected(verifier({ now }).verify({ authorization: `DPoP ${token}`, dpop: proof, method: 'GET',
      url: URL_A }), 'The access token expired at [2027-01-15T08:00:00.000Z]');
  });

  it('rejects a token for another audience.', async () => {
    const token = await issuer.issueToken(webId, key, { aud: ['https://other.example/'] });
    await assertRejected(verifier().verify(await request(token)),
      'The access token\'s audience [https://other.example/] does not include [solid]');
  });

  it('rejects an issuer outside the trusted issuers without fetching anything.', async () => {
    const token = await issuer.issueToken(webId, key);
    await assertRejected(verifier({ trustedIssuers: ['https://idp.example/'] }).verify(await request(token)),
      `The access token's issuer [${issuer.url}] is not one of the trusted issuers [https://idp.example]`);
    assert.deepEqual(fetched, []);
  });

  it('accepts a trusted issuer given without its trailing slash.', async () => {
    const token = await issuer.issueToken(webId, key);
    const caller = await verifier({ trustedIssuers: [issuer.url.slice(0, -1)] }).verify(await request(token));
    assert.equal(caller.webId, webId);
  });

  it('rejects a proof for another URL.', async () => {
    const token = await issuer.issueToken(webId, key);
    const other = 'http://127.0.0.1:9/api/scopes';
    await assertRejected(verifier().verify(await request(token, { url: other })),
      `The DPoP proof is for the URL [${other}], but the request URL is [${URL_A}]`);
  });

  it('ignores the query of the request URL.', async () => {
    const token = await issuer.issueToken(webId, key);
    const sent = await request(token);
    const caller = await verifier().verify({ ...sent, url: `${URL_A}?from=2026-01-01` });
    assert.equal(caller.webId, webId);
  });

  it('rejects a proof for another method.', async () => {
    const token = await issuer.issueToken(webId, key);
    await assertRejected(verifier().verify(await request(token, { method: 'POST' })),
      'The DPoP proof is for the method [POST], but the request method is [GET]');
  });

  it('rejects a replayed proof.', async () => {
    const checker = verifier();
    const token = await issuer.issueToken(webId, key);
    const sent = await request(token);
    await checker.verify(sent);
    const jti = JSON.parse(Buffer.from(sent.dpop!.split('.')[1]!, 'base64url').toString()) as { jti: string };
    await assertRejected(checker.verify(sent),
      `The DPoP proof [${jti.jti}] was already used; send a new proof with each request`);
  });

  it('rejects a proof older than the accepted age.', async () => {
    const token = await issuer.issueToken(webId, key, {}, 1_800_000_000);
    const proof = await createProof(key, { method: 'GET', url: URL_A, accessToken: token, issuedAt: 1_800_000_000 });
    const now = (): number => 1_800_000_200_000;
    await assertRejected(verifier({ now }).verify({ authorization: `DPoP ${token}`, dpop: proof, method: 'GET',
      url: URL_A }), 'The DPoP proof was issued at [2027-01-15T08:00:00.000Z], not within the accepted 120 s ' +
      '(plus 30 s of clock difference) before the request at [2027-01-15T08:03:20.000Z]; send a new proof with ' +
      'each request');
  });

  it('rejects a proof signed with a key the token is not bound to.', async () => {
    const token = await issuer.issueToken(webId, key);
    const otherKey = await createDpopKey();
    const proof = await createProof(otherKey, { method: 'GET', url: URL_A, accessToken: token });
    await assertRejected(verifier().verify({ authorization: `DPoP ${token}`, dpop: proof, method: 'GET', url: URL_A }),
      `The DPoP proof is signed with the key [${otherKey.thumbprint}], but the access token is bound to the key ` +
      `[${key.thumbprint}]`);
  });

  it('rejects a proof whose ath is the hash of another token.', async () => {
    const token = await issuer.issueToken(webId, key);
    const proof = await createProof(key, { method: 'GET', url: URL_A, claims: { ath: 'AAAA' } });
    await assertRejected(verifier().verify({ authorization: `DPoP ${token}`, dpop: proof, method: 'GET', url: URL_A }),
      'The DPoP proof\'s ath claim [AAAA] is not the hash of the access token sent with it');
  });

  it('rejects a proof without ath when the hash is required.', async () => {
    const token = await issuer.issueToken(webId, key);
    const proof = await createProof(key, { method: 'GET', url: URL_A, accessToken: token, withoutAth: true });
    const sent = { authorization: `DPoP ${token}`, dpop: proof, method: 'GET', url: URL_A };
    await assertRejected(verifier({ requireAccessTokenHash: true }).verify(sent),
      'The DPoP proof has no ath claim, the hash of the access token it is sent with');
  });

  it('rejects a proof signed with another key than its jwk header.', async () => {
    const token = await issuer.issueToken(webId, key);
    const proof = await createProof(key, { method: 'GET', url: URL_A, accessToken: token });
    const [header, payload] = proof.split('.');
    const forged = await createProof(await createDpopKey(), { method: 'GET', url: URL_A, accessToken: token });
    const mixed = `${header}.${payload}.${forged.split('.')[2]}`;
    await assertRejected(verifier().verify({ authorization: `DPoP ${token}`, dpop: mixed, method: 'GET', url: URL_A }),
      'The DPoP proof signature does not verify with the key in its jwk header');
  });

  it('rejects a token of an issuer the WebID profile does not name.', async () => {
    issuer.profileIssuers = ['https://idp.example/'];
    const token = await issuer.issueToken(webId, key);
    await assertRejected(verifier().verify(await request(token)),
      `The WebID profile of [${webId}] names the issuers [https://idp.example] with solid:oidcIssuer, not the ` +
      `access token's issuer [${issuer.url}]`);
  });

  it('rejects the Bearer scheme.', async () => {
    const token = await issuer.issueToken(webId, key);
    await assertRejected(verifier().verify({ ...await request(token), authorization: `Bearer ${token}` }),
      'Expected the Authorization scheme [DPoP] with a DPoP-bound access token, got [Bearer]');
  });

  it('rejects a token without a DPoP header.', async () => {
    const token = await issuer.issueToken(webId, key);
    await assertRejected(verifier().verify({ ...await request(token), dpop: undefined }),
      'The request has a DPoP access token but no DPoP header with a proof');
  });

  it('rejects a token that is no JWT.', async () => {
    await assertRejected(verifier().verify({ ...await request('abc'), authorization: 'DPoP abc' }),
      'The access token is not a valid JWT: Invalid JWT');
  });

  it('rejects a token without a cnf.jkt binding.', async () => {
    const token = await issuer.issueToken(webId, key, { cnf: undefined });
    await assertRejected(verifier().verify(await request(token)),
      'The access token has no cnf.jkt claim, so it is not bound to a DPoP key');
  });

  it('never fetches an issuer at a cloud metadata address.', async () => {
    const token = await issuer.issueToken(webId, key, { iss: 'http://169.254.169.254/' });
    await assertRejected(verifier().verify(await request(token)),
      'The signing keys of the issuer [http://169.254.169.254/] could not be read: Request to ' +
      '[http://169.254.169.254/.well-known/openid-configuration] rejected: address [169.254.169.254] is a ' +
      'cloud metadata address');
    assert.deepEqual(fetched, []);
  });

  it('rejects a proof issued in the future.', async () => {
    const token = await issuer.issueToken(webId, key, {}, 1_800_000_000);
    const proof = await createProof(key, { method: 'GET', url: URL_A, accessToken: token, issuedAt: 1_800_000_100 });
    const now = (): number => 1_800_000_000_000;
    await assertRejected(verifier({ now }).verify({ authorization: `DPoP ${token}`, dpop: proof, method: 'GET',
      url: URL_A }), 'The DPoP proof was issued at [2027-01-15T08:01:40.000Z], not within the accepted 120 s ' +
      '(plus 30 s of clock difference) before the request at [2027-01-15T08:00:00.000Z]; send a new proof with ' +
      'each request');
  });

  it('never fetches an issuer at a link-local address.', async () => {
    const token = await issuer.issueToken(webId, key, { iss: 'http://169.254.10.1/' });
    await assertRejected(verifier().verify(await request(token)),
      'The signing keys of the issuer [http://169.254.10.1/] could not be read: Request to ' +
      '[http://169.254.10.1/.well-known/openid-configuration] rejected: address [169.254.10.1] is a ' +
      'link-local address');
    assert.deepEqual(fetched, []);
  });

  it('never fetches a loopback issuer when loopback is not allowed.', async () => {
    const fetcher = new AuthDocumentFetcher(createAuthFetch({
      addressPolicy: { allowLoopback: false, allowPrivate: false }, fetch: recordingFetch(fetched),
    }));
    const keys = new IssuerKeyStore(fetcher);
    await assert.rejects(keys.keysOf(issuer.url), AddressRefusedError);
    assert.deepEqual(fetched, []);
  });
});
