import assert from 'node:assert/strict';
import { AccountClient, ClientCredentialsSession, SolidHttpError } from '../../src/solid/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';

describe('An AccountClient', () => {
  let server: SolidServer;
  let member: TestMember;

  before(async function () {
    this.timeout(60000);
    server = await sharedSolidServer();
    member = await createTestMember(server, 'account');
  });

  after(async () => {
    await member.session.logout();
  });

  it('creates a pod under the server base URL.', () => {
    const name = new URL(member.account.podUrl).pathname;
    assert.match(name, /^\/account\d+\/$/u);
    assert.equal(member.account.podUrl, new URL(name, server.baseUrl).href);
    assert.equal(member.account.webId, `${member.account.podUrl}profile/card#me`);
  });

  it('returns client credentials that log in as the pod WebID.', () => {
    assert.equal(member.session.webId, member.account.webId);
    assert.notEqual(member.account.clientId, '');
    assert.notEqual(member.account.clientSecret, '');
  });

  it('returns the email and password of the login.', () => {
    assert.match(member.account.email, /^account\d+@example\.org$/u);
    assert.equal(member.account.password.length > 0, true);
  });

  it('rejects a second pod with a taken name with the URL and status.', async () => {
    const name = new URL(member.account.podUrl).pathname.replaceAll('/', '');
    const client = new AccountClient(server.baseUrl);
    const failure = await client.createPodAccount({ name, email: 'other@example.org' }).then(() => undefined, (error: unknown) => error);
    assert.ok(failure instanceof SolidHttpError);
    assert.equal(failure.method, 'POST');
    assert.equal(failure.status, 400);
    assert.match(failure.url, /\/\.account\/account\/[^/]+\/pod\/$/u);
  });

  it('reports a server that does not answer with status 0.', async () => {
    const client = new AccountClient('http://127.0.0.1:1/');
    const failure = await client.createPodAccount({ name: 'nobody' }).then(() => undefined, (error: unknown) => error);
    assert.ok(failure instanceof SolidHttpError);
    assert.equal(failure.status, 0);
    assert.equal(failure.url, 'http://127.0.0.1:1/.account/');
  });
});

describe('A ClientCredentialsSession', () => {
  let server: SolidServer;
  let member: TestMember;

  before(async function () {
    this.timeout(60000);
    server = await sharedSolidServer();
    member = await createTestMember(server, 'session');
  });

  after(async () => {
    await member.session.logout();
  });

  it('reads a private document that anonymous fetch cannot read.', async () => {
    const url = `${member.account.podUrl}private/note.ttl`;
    const put = await member.session.fetch(url, {
      method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#a> <#b> <#c>.',
    });
    assert.equal(put.status, 201);
    const own = await member.session.fetch(url);
    assert.equal(own.status, 200);
    assert.equal(await own.text(), '<#a> <#b> <#c>.');
    const anonymous = await fetch(url);
    assert.equal(anonymous.status, 401);
  });

  it('rejects a wrong client secret.', async () => {
    const login = ClientCredentialsSession.login({
      clientId: member.account.clientId, clientSecret: 'wrong', oidcIssuer: server.baseUrl,
    });
    await assert.rejects(login, /Login with client credentials \[.+\] at \[http:\/\/localhost:\d+\/\] failed/u);
  });

  it('logs in again when a request comes near the token expiry.', async () => {
    let offsetMs = 0;
    const session = await ClientCredentialsSession.login({
      clientId: member.account.clientId, clientSecret: member.account.clientSecret, oidcIssuer: server.baseUrl,
    }, { renewBeforeMs: 60_000, now: () => Date.now() + offsetMs });
    try {
      const url = `${member.account.podUrl}private/renewal.ttl`;
      const put = await session.fetch(url, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#a> <#b> <#c>.' });
      assert.equal(put.status, 201);
      assert.equal(session.renewalCount, 0);

      // CSS 7 access tokens live 10 minutes: 9.5 minutes later the session is within its margin.
      offsetMs = 9.5 * 60_000;
      const [first, second] = await Promise.all([session.fetch(url), session.fetch(url)]);
      assert.equal(first.status, 200);
      assert.equal(second.status, 200);
      assert.equal(session.renewalCount, 1);

      offsetMs = 0;
      assert.equal((await session.fetch(url)).status, 200);
      assert.equal(session.renewalCount, 1);
    } finally {
      await session.logout();
    }
  });
});
