import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadAggregatorConfig } from '../../../src/config/index.js';
import { createServiceApp, createServiceAuth, listenOn } from '../../../src/service/index.js';
import type { NetworkSnapshot } from '../../../src/aggregator/index.js';
import type { MembershipFacts, MembershipSource } from '../../../src/service/index.js';
import { createDpopKey, createProof, recordingFetch, TestIssuer } from './support/TestIssuer.js';
import type { DpopKey } from './support/TestIssuer.js';

// Fails to compile if the snapshot source of `oce serve` stops being a membership source.
export const SNAPSHOT_IS_MEMBERSHIP_SOURCE: MembershipSource = (): NetworkSnapshot | undefined => undefined;

const BASE_ENV = {
  OCE_ROOTS: 'https://net.example/profile/card#me',
  OCE_AGGREGATOR_ISSUER: 'http://127.0.0.1:3000/',
  OCE_AGGREGATOR_CLIENT_ID: 'id-1',
  OCE_AGGREGATOR_CLIENT_SECRET: 'secret-1',
  OCE_ALLOW_LOOPBACK: 'true',
};

describe('The service access configuration', () => {
  it('reads the access settings from the environment.', async () => {
    const config = await loadAggregatorConfig({ env: {
      ...BASE_ENV, OCE_ACCESS: 'members', OCE_PUBLIC_URL: 'https://aggregator.example/oce/',
      OCE_TRUSTED_ISSUERS: 'https://idp.example/, https://login.example/',
      OCE_OPERATORS: 'https://op.example/profile/card#me',
    } });
    assert.deepEqual(config.service, {
      host: '127.0.0.1', port: 3100, access: 'members', publicUrl: 'https://aggregator.example/oce/',
      trustedIssuers: ['https://idp.example/', 'https://login.example/'],
      operators: ['https://op.example/profile/card#me'],
    });
  });

  it('reads repeated flags as lists.', async () => {
    const config = await loadAggregatorConfig({ env: BASE_ENV, flags: {
      trustedIssuer: ['https://idp.example/', 'https://login.example/'], operator: ['https://op.example/#me'],
    } });
    assert.deepEqual(config.service.trustedIssuers, ['https://idp.example/', 'https://login.example/']);
    assert.deepEqual(config.service.operators, ['https://op.example/#me']);
  });

  it('rejects an unknown access mode with the expected values.', async () => {
    await assert.rejects(loadAggregatorConfig({ env: { ...BASE_ENV, OCE_ACCESS: 'everyone' } }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /service\.access/u);
      assert.match(error.message, /open or members/u);
      assert.match(error.message, /\[everyone\]/u);
      return true;
    });
  });
});

describe('A service app with access control', () => {
  let issuer: TestIssuer;
  let key: DpopKey;
  let server: Server;
  let base: string;
  const fetched: string[] = [];
  const members: MembershipFacts = { members: [] };

  before(async () => {
    issuer = await TestIssuer.start();
    key = await createDpopKey();
    members.members = [issuer.webIdOf('ada')];
    const config = await loadAggregatorConfig({ env: {
      ...BASE_ENV, OCE_ACCESS: 'members', OCE_PUBLIC_URL: 'https://aggregator.example/oce/',
    } });
    const auth = createServiceAuth(config, () => members, { fetch: recordingFetch(fetched) });
    server = await listenOn(createServiceApp(() => undefined, { auth: auth.authenticator }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
    await issuer.stop();
  });

  async function headersFor(name: string, publicPath: string): Promise<Record<string, string>> {
    const token = await issuer.issueToken(issuer.webIdOf(name), key);
    const dpop = await createProof(key, { method: 'GET', url: `https://aggregator.example/oce${publicPath}`,
      accessToken: token });
    return { authorization: `DPoP ${token}`, dpop };
  }

  it('keeps health public.', async () => {
    const response = await fetch(`${base}/health`);
    assert.equal(response.status, 200);
  });

  it('asks an anonymous caller of the API to authenticate.', async () => {
    const response = await fetch(`${base}/api/scopes`);
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { detail: string }).detail, 'The path [/api/scopes] is only for ' +
      'members of the crawled networks; send a Solid-OIDC access token with the DPoP scheme');
  });

  it('checks proofs against the public URL and lets a member reach the routes.', async () => {
    const response = await fetch(`${base}/api/scopes`, { headers: await headersFor('ada', '/api/scopes') });
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { type: string }).type, 'https://w3id.org/oce/problems#not-crawled-yet');
    assert.ok(fetched.length > 0);
    for (const url of fetched) {
      assert.equal(new URL(url).hostname, '127.0.0.1', url);
    }
  });

  it('rejects a proof for the internal URL when a public URL is set.', async () => {
    const token = await issuer.issueToken(issuer.webIdOf('ada'), key);
    const dpop = await createProof(key, { method: 'GET', url: `${base}/sparql`, accessToken: token });
    const response = await fetch(`${base}/sparql`, { headers: { authorization: `DPoP ${token}`, dpop } });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { detail: string }).detail, `The DPoP proof is for the URL ` +
      `[${base}/sparql], but the request URL is [https://aggregator.example/oce/sparql]`);
  });

  it('forbids a non-member the crawl report.', async () => {
    const response = await fetch(`${base}/crawl`, { headers: await headersFor('bob', '/crawl') });
    assert.equal(response.status, 403);
  });
});
