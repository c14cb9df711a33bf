import assert from 'node:assert/strict';
import { AccessGranter, EventRecorder, parseReaContainers, PodInitializer, PodLayout } from '../../src/pod/index.js';
import type { GrantResult } from '../../src/pod/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';

async function statusOf(fetchFn: typeof fetch, url: string, init?: RequestInit): Promise<number> {
  const response = await fetchFn(url, init);
  await response.body?.cancel();
  return response.status;
}

describe('An AccessGranter', () => {
  let server: SolidServer;
  let owner: TestMember;
  let aggregator: TestMember;
  let stranger: TestMember;
  let layout: PodLayout;
  let eventDocument: string;
  let first: GrantResult;
  let second: GrantResult;

  before(async function () {
    this.timeout(60000);
    server = await sharedSolidServer();
    owner = await createTestMember(server, 'granter');
    aggregator = await createTestMember(server, 'aggregator');
    stranger = await createTestMember(server, 'stranger');
    layout = new PodLayout(owner.account.podUrl);
    const options = { fetch: owner.session.fetch, webId: owner.account.webId, storage: owner.account.podUrl };
    await new PodInitializer(options).initialize();
    const recorded = await new EventRecorder(options).record({ action: 'use', hasPointInTime: '2026-12-01T10:00:00Z' });
    eventDocument = recorded.document;
    const granter = new AccessGranter(options);
    first = await granter.grantRead(aggregator.account.webId);
    second = await granter.grantRead(aggregator.account.webId);
  });

  after(async () => {
    await owner.session.logout();
    await aggregator.session.logout();
    await stranger.session.logout();
  });

  it('lets the grantee read a document deep under rea.', async () => {
    assert.equal(await statusOf(aggregator.session.fetch, eventDocument), 200);
  });

  it('lets the grantee list the rea containers.', async () => {
    assert.equal(await statusOf(aggregator.session.fetch, layout.container('events')), 200);
  });

  it('lets the grantee read the private type index.', async () => {
    assert.equal(await statusOf(aggregator.session.fetch, layout.privateTypeIndex), 200);
  });

  it('does not let the grantee write.', async () => {
    const status = await statusOf(aggregator.session.fetch, `${layout.rea}events/intruder.ttl`, {
      method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#a> <#b> <#c>.',
    });
    assert.equal(status, 403);
  });

  it('returns 403 to another WebID without a grant.', async () => {
    assert.equal(await statusOf(stranger.session.fetch, eventDocument), 403);
    assert.equal(await statusOf(stranger.session.fetch, layout.privateTypeIndex), 403);
  });

  it('returns 401 to an anonymous request.', async () => {
    assert.equal(await statusOf(fetch, eventDocument), 401);
  });

  it('keeps the owner able to record.', async () => {
    const recorder = new EventRecorder({ fetch: owner.session.fetch, storage: owner.account.podUrl });
    const recorded = await recorder.record({ action: 'use', hasPointInTime: '2026-12-01T11:00:00Z' });
    assert.equal(recorded.document, eventDocument);
  });

  it('writes two ACLs the first time and none the second time.', () => {
    assert.deepEqual(first.changedAcls, [`${layout.rea}.acl`, `${layout.privateTypeIndex}.acl`]);
    assert.deepEqual(second.changedAcls, []);
  });
});

describe('An AccessGranter limited to containers', () => {
  let owner: TestMember;
  let reader: TestMember;
  let layout: PodLayout;
  let result: GrantResult;

  before(async function () {
    this.timeout(60000);
    const server = await sharedSolidServer();
    owner = await createTestMember(server, 'partgranter');
    reader = await createTestMember(server, 'partreader');
    layout = new PodLayout(owner.account.podUrl);
    const options = { fetch: owner.session.fetch, webId: owner.account.webId, storage: owner.account.podUrl };
    await new PodInitializer(options).initialize();
    result = await new AccessGranter(options).grantRead(reader.account.webId, ['plans']);
  });

  after(async () => {
    await owner.session.logout();
    await reader.session.logout();
  });

  it('writes the ACLs of the container and the private type index.', () => {
    assert.deepEqual(result.changedAcls, [`${layout.container('plans')}.acl`, `${layout.privateTypeIndex}.acl`]);
  });

  it('lets the grantee read only that container.', async () => {
    assert.equal(await statusOf(reader.session.fetch, layout.container('plans')), 200);
    assert.equal(await statusOf(reader.session.fetch, layout.container('events')), 403);
    assert.equal(await statusOf(reader.session.fetch, layout.rea), 403);
  });
});

describe('parseReaContainers', () => {
  it('accepts names with or without the rea path.', () => {
    assert.deepEqual(parseReaContainers(['events', '/rea/plans/', 'rea/commitments']), ['events', 'plans', 'commitments']);
  });

  it('rejects a name outside rea.', () => {
    assert.throws(() => parseReaContainers(['settings']), {
      message: 'Expected a container of /rea/ (events, resources, processes, agents, plans, recipes, agreements, ' +
        'commitments, intents), got [settings]',
    });
  });
});
