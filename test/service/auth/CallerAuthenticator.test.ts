import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { Parser } from 'n3';
import { readMemberships } from '../../../src/crawler/index.js';
import {
  callerOf, createServiceAuth, listenOn, problemOf, requireRole, sendProblem,
} from '../../../src/service/index.js';
import type { MembershipFacts, ServiceAuth } from '../../../src/service/index.js';
import type { SolidServer } from '../../../src/solid/index.js';
import { createTestMember, sharedSolidServer } from '../../support/sharedSolidServer.js';
import type { TestMember } from '../../support/sharedSolidServer.js';
import { recordingFetch } from './support/TestIssuer.js';

const NETWORK = 'http://127.0.0.1:1/network/profile/card#me';
const ANONYMOUS_CHALLENGE = 'DPoP algs="ES256 ES384 ES512 PS256 PS384 PS512 RS256 RS384 RS512 EdDSA Ed25519"';

/** Headers of the requests the test app got, newest last. */
interface SeenRequest {
  authorization: string;
  dpop: string;
}

/** A test app on 127.0.0.1 behind the authenticator, with a role-guarded route. */
class TestApp {
  private constructor(
    private readonly server: Server,
    public readonly base: string,
    public readonly seen: SeenRequest[],
  ) {}

  public static async start(auth: ServiceAuth): Promise<TestApp> {
    const seen: SeenRequest[] = [];
    const app = express();
    app.use((request, _response, next) => {
      seen.push({ authorization: request.get('authorization') ?? '', dpop: request.get('dpop') ?? '' });
      next();
    });
    app.use(auth.authenticator);
    app.get('/api/whoami', (_request, response) => {
      response.json({ webId: callerOf(response)?.webId ?? null });
    });
    app.get('/api/runs', requireRole('steward', auth.policy), (_request, response) => {
      response.json({ allowed: true });
    });
    app.get('/health', (_request, response) => {
      response.json({ webId: callerOf(response)?.webId ?? null });
    });
    app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
      sendProblem(response, problemOf(error));
    });
    const server = await listenOn(app, 0, '127.0.0.1');
    return new TestApp(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen);
  }

  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
    });
  }
}

async function problem(response: globalThis.Response): Promise<{ status: number; detail: string }> {
  assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  return await response.json() as { status: number; detail: string };
}

function membershipFacts(members: string[], steward: string): MembershipFacts {
  const turtle = [
    '@prefix org: <http://www.w3.org/ns/org#>.',
    ...members.map((member) => `<${NETWORK}> org:hasMember <${member}>.`),
    `<#stewardship> a org:Membership; org:organization <${NETWORK}>; org:member <${steward}>;`,
    '  org:role <https://w3id.org/oce/roles#Steward>.',
  ].join('\n');
  const source = 'http://127.0.0.1:1/network/members';
  const memberships = readMemberships(NETWORK, new Parser({ baseIRI: source }).parse(turtle), source);
  return { members: [...members, steward].sort(), memberships };
}

describe('A CallerAuthenticator', function callerAuthenticatorSuite() {
  this.timeout(60_000);
  let server: SolidServer;
  let ada: TestMember;
  let bob: TestMember;
  let stew: TestMember;
  let fetched: string[];
  let clockOffsetMs: number;
  let app: TestApp;
  const apps: TestApp[] = [];

  function auth(service: Partial<ServiceAuthService> = {}): ServiceAuth {
    return createServiceAuth({
      service: { host: '127.0.0.1', port: 0, access: 'members', ...service },
      addressPolicy: { allowLoopback: true, allowPrivate: false },
    }, () => membershipFacts([ada.account.webId], stew.account.webId), {
      fetch: recordingFetch(fetched),
      now: () => Date.now() + clockOffsetMs,
    });
  }

  async function startApp(service: Partial<ServiceAuthService> = {}): Promise<TestApp> {
    const started = await TestApp.start(auth(service));
    apps.push(started);
    return started;
  }

  /** Sends one authenticated request as `member` and returns the headers it carried. */
  async function captureHeaders(member: TestMember, path: string): Promise<SeenRequest> {
    const response = await member.session.fetch(`${app.base}${path}`);
    await response.body?.cancel();
    return app.seen.at(-1)!;
  }

  before(async () => {
    server = await sharedSolidServer();
    ada = await createTestMember(server, 'ada');
    bob = await createTestMember(server, 'bob');
    stew = await createTestMember(server, 'stew');
  });

  beforeEach(async () => {
    fetched = [];
    clockOffsetMs = 0;
    app = await startApp();
  });

  after(async () => {
    await Promise.all(apps.map(async (started) => started.stop()));
    await Promise.all([ada, bob, stew].map(async (member) => member?.session.logout()));
  });

  it('accepts a member with the WebID of the token.', async () => {
    const response = await ada.session.fetch(`${app.base}/api/whoami`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('vary'), 'Authorization');
    assert.deepEqual(await response.json(), { webId: ada.account.webId });
  });

  it('reads the issuer keys and WebID only on loopback, once.', async () => {
    await (await ada.session.fetch(`${app.base}/api/whoami`)).body?.cancel();
    await (await ada.session.fetch(`${app.base}/api/whoami`)).body?.cancel();
    assert.deepEqual(fetched, [
      `${server.baseUrl}.well-known/openid-configuration`,
      `${server.baseUrl}.oidc/jwks`,
      ada.account.webId.replace(/#.*$/u, ''),
    ]);
    for (const url of fetched) {
      assert.ok(['localhost', '127.0.0.1'].includes(new URL(url).hostname), `fetched beyond loopback: ${url}`);
    }
  });

  it('rejects a caller who is no member with a 403.', async () => {
    const response = await bob.session.fetch(`${app.base}/api/whoami`);
    assert.equal(response.status, 403);
    assert.equal((await problem(response)).detail, `The WebID [${bob.account.webId}] is neither a member of a ` +
      'crawled network nor an operator of this aggregator');
  });

  it('accepts an operator who is no member.', async () => {
    const operatorApp = await startApp({ operators: [bob.account.webId] });
    const response = await bob.session.fetch(`${operatorApp.base}/api/whoami`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { webId: bob.account.webId });
  });

  it('rejects a request without a token with a 401 and a DPoP challenge.', async () => {
    const response = await fetch(`${app.base}/api/whoami`);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), ANONYMOUS_CHALLENGE);
    assert.equal((await problem(response)).detail, 'The path [/api/whoami] is only for members of the crawled ' +
      'networks; send a Solid-OIDC access token with the DPoP scheme');
  });

  it('lets anyone read a public path in members mode.', async () => {
    const response = await fetch(`${app.base}/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { webId: null });
  });

  it('lets anyone read the API in open mode.', async () => {
    const openApp = await startApp({ access: 'open' });
    const response = await fetch(`${openApp.base}/api/whoami`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { webId: null });
  });

  it('rejects a tampered token.', async () => {
    const { authorization, dpop } = await captureHeaders(ada, '/api/whoami');
    const [header, payload, signature] = authorization.slice('DPoP '.length).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, webid: stew.account.webId })).toString('base64url');
    const response = await fetch(`${app.base}/api/whoami`, {
      headers: { authorization: `DPoP ${header}.${forged}.${signature}`, dpop },
    });
    assert.equal(response.status, 401);
    assert.equal((await problem(response)).detail,
      `The access token's signature does not verify with the keys of its issuer [${server.baseUrl}]`);
  });

  it('rejects a proof made for another URL.', async () => {
    const { authorization, dpop } = await captureHeaders(ada, '/api/whoami');
    const response = await fetch(`${app.base}/api/runs`, { headers: { authorization, dpop } });
    assert.equal(response.status, 401);
    assert.equal((await problem(response)).detail,
      `The DPoP proof is for the URL [${app.base}/api/whoami], but the request URL is [${app.base}/api/runs]`);
  });

  it('rejects a proof made for another method.', async () => {
    const { authorization, dpop } = await captureHeaders(ada, '/api/whoami');
    const response = await fetch(`${app.base}/api/whoami`, { method: 'POST', headers: { authorization, dpop } });
    assert.equal(response.status, 401);
    assert.equal((await problem(response)).detail,
      'The DPoP proof is for the method [GET], but the request method is [POST]');
  });

  it('rejects a replayed proof.', async () => {
    const { authorization, dpop } = await captureHeaders(ada, '/api/whoami');
    const response = await fetch(`${app.base}/api/whoami`, { headers: { authorization, dpop } });
    const { jti } = JSON.parse(Buffer.from(dpop.split('.')[1]!, 'base64url').toString()) as { jti: string };
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /^DPoP error="invalid_token", error_description=/u);
    assert.equal((await problem(response)).detail,
      `The DPoP proof [${jti}] was already used; send a new proof with each request`);
  });

  it('rejects an expired token.', async () => {
    const { authorization } = await captureHeaders(ada, '/api/whoami');
    const { exp } = JSON.parse(Buffer.from(authorization.split('.')[1]!, 'base64url').toString()) as { exp: number };
    clockOffsetMs = exp * 1000 - Date.now() + 60_000;
    const response = await ada.session.fetch(`${app.base}/api/whoami`);
    assert.equal(response.status, 401);
    assert.equal((await problem(response)).detail,
      `The access token expired at [${new Date(exp * 1000).toISOString()}]`);
  });

  it('rejects an issuer outside the trusted issuers.', async () => {
    const trustingApp = await startApp({ trustedIssuers: ['https://idp.example/'] });
    const response = await ada.session.fetch(`${trustingApp.base}/api/whoami`);
    assert.equal(response.status, 401);
    assert.equal((await problem(response)).detail,
      `The access token's issuer [${server.baseUrl}] is not one of the trusted issuers [https://idp.example]`);
    assert.deepEqual(fetched, []);
  });

  it('lets a steward through the role guard.', async () => {
    const response = await stew.session.fetch(`${app.base}/api/runs`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { allowed: true });
  });

  it('stops a member without the role at the role guard.', async () => {
    const response = await ada.session.fetch(`${app.base}/api/runs`);
    assert.equal(response.status, 403);
    assert.equal((await problem(response)).detail, `The WebID [${ada.account.webId}] has no crawled membership ` +
      'with the role [steward] and is not an operator of this aggregator');
  });

  it('lets an operator through the role guard.', async () => {
    const operatorApp = await startApp({ operators: [ada.account.webId] });
    const response = await ada.session.fetch(`${operatorApp.base}/api/runs`);
    assert.equal(response.status, 200);
  });
});

type ServiceAuthService = Parameters<typeof createServiceAuth>[0]['service'];
