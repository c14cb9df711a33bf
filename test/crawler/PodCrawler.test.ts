import assert from 'node:assert/strict';
import { PodCrawler } from '../../src/crawler/index.js';
import type { CrawlResult, PodReport } from '../../src/crawler/index.js';
import { AccessGranter, EventRecorder, PodInitializer, PodLayout } from '../../src/pod/index.js';
import { SolidDocumentClient, findFreePort, namedNode, triple } from '../../src/solid/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { RDF, SOLID, VF } from '../../src/vocab/index.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';

/** Initializes a member pod, records events at the given times and optionally grants the aggregator. */
async function seedMember(member: TestMember, times: string[], grantee?: string): Promise<void> {
  const options = { fetch: member.session.fetch, webId: member.account.webId, storage: member.account.podUrl };
  await new PodInitializer(options).initialize();
  const recorder = new EventRecorder(options);
  for (const [index, time] of times.entries()) {
    await recorder.record({ id: `e${index}`, action: 'work', provider: member.account.webId, hasPointInTime: time });
  }
  if (grantee !== undefined) {
    await new AccessGranter(options).grantRead(grantee);
  }
}

function statusesOf(report: PodReport): number[] {
  return report.errors.map((error) => error.status).sort((a, b) => a - b);
}

describe('A PodCrawler', () => {
  let server: SolidServer;
  let aggregator: TestMember;
  let members: TestMember[];
  let deadWebId: string;
  let result: CrawlResult;

  before(async function () {
    this.timeout(60000);
    server = await sharedSolidServer();
    aggregator = await createTestMember(server, 'crawlagg');
    members = [];
    for (const name of ['crawla', 'crawlb', 'crawlc', 'crawlhidden']) {
      members.push(await createTestMember(server, name));
    }
    const [first, second, third, hidden] = members as [TestMember, TestMember, TestMember, TestMember];
    const grantee = aggregator.account.webId;
    await seedMember(first, ['2026-12-01T10:00:00Z', '2026-12-02T10:00:00Z'], grantee);
    await new SolidDocumentClient(first.session.fetch).put(`${first.account.podUrl}rea/resources/tractor.ttl`, [
      triple(namedNode(`${first.account.podUrl}rea/resources/tractor.ttl#it`), RDF.type, VF.EconomicResource),
    ]);
    await seedMember(second, ['2026-12-03T10:00:00Z'], grantee);
    const secondLayout = new PodLayout(second.account.podUrl);
    await new SolidDocumentClient(second.session.fetch).patchInsert(secondLayout.privateTypeIndex, [
      triple(namedNode(`${secondLayout.privateTypeIndex}#away`), SOLID.instanceContainer,
        namedNode('http://127.0.0.1:1/elsewhere/')),
    ]);
    await seedMember(third, ['2026-12-04T10:00:00Z', '2026-12-04T11:00:00Z', '2026-12-04T12:00:00Z'], grantee);
    const broken = await third.session.fetch(`${third.account.podUrl}rea/events/broken.ttl`, {
      method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#a> <#b> "unterminated',
    });
    assert.equal(broken.status, 201);
    await seedMember(hidden, ['2026-12-05T10:00:00Z']);
    deadWebId = `http://127.0.0.1:${await findFreePort()}/nobody/profile/card#me`;

    const crawler = new PodCrawler({ fetch: aggregator.session.fetch });
    result = await crawler.crawl([...members.map((member) => member.account.webId), deadWebId]);
  });

  after(async () => {
    await aggregator.session.logout();
    for (const member of members) {
      await member.session.logout();
    }
  });

  it('reports one pod per WebID in input order.', () => {
    const expected = [...members.map((member) => member.account.webId), deadWebId];
    assert.deepEqual(result.pods.map((pod) => pod.webId), expected);
  });

  it('loads every document of a granted pod.', () => {
    const pod = result.pods[0]!;
    const podUrl = members[0]!.account.podUrl;
    assert.equal(pod.storage, podUrl);
    assert.equal(pod.containers.length, 9);
    assert.deepEqual([pod.documentsSeen, pod.documentsLoaded, pod.documentsFailed], [3, 3, 0]);
    assert.deepEqual(pod.errors, []);
    const sources = result.documents.map((document) => document.source).filter((source) => source.startsWith(podUrl));
    assert.deepEqual(sources.sort(), [
      `${podUrl}rea/events/2026/12/01.ttl`, `${podUrl}rea/events/2026/12/02.ttl`, `${podUrl}rea/resources/tractor.ttl`,
    ]);
  });

  it('skips a registration outside the pod and reports it.', () => {
    const pod = result.pods[1]!;
    assert.deepEqual([pod.documentsSeen, pod.documentsLoaded, pod.documentsFailed], [1, 1, 0]);
    assert.equal(pod.errors.length, 1);
    assert.equal(pod.errors[0]!.url, 'http://127.0.0.1:1/elsewhere/');
    assert.equal(pod.errors[0]!.status, 0);
  });

  it('reports an unparseable document and loads the rest of that pod.', () => {
    const pod = result.pods[2]!;
    assert.deepEqual([pod.documentsSeen, pod.documentsLoaded, pod.documentsFailed], [2, 1, 1]);
    assert.equal(pod.errors.length, 1);
    assert.equal(pod.errors[0]!.url, `${members[2]!.account.podUrl}rea/events/broken.ttl`);
    assert.equal(pod.errors[0]!.status, 200);
    assert.match(pod.errors[0]!.message, /^Cannot parse \[.+broken\.ttl\] as text\/turtle/u);
    const loaded = result.documents.find((document) => document.source.startsWith(members[2]!.account.podUrl));
    assert.equal(loaded!.quads.filter((quad) => quad.object.equals(VF.EconomicEvent)).length, 3);
  });

  it('reports 403 for a pod without a grant.', () => {
    const pod = result.pods[3]!;
    assert.equal(pod.storage, members[3]!.account.podUrl);
    assert.deepEqual([pod.documentsSeen, pod.documentsLoaded, pod.documentsFailed], [0, 0, 0]);
    // The private type index and the six containers listed in the public one.
    assert.deepEqual(statusesOf(pod), [403, 403, 403, 403, 403, 403, 403]);
  });

  it('reports a WebID whose server does not answer.', () => {
    const pod = result.pods[4]!;
    assert.equal(pod.storage, null);
    assert.deepEqual(statusesOf(pod), [0]);
    assert.equal(pod.errors[0]!.url, deadWebId.replace('#me', ''));
  });

  it('returns the documents of the granted pods only.', () => {
    assert.equal(result.documents.length, 5);
  });

  it('turns every error into a problem.', () => {
    assert.equal(result.problems.length, 10);
    assert.equal(result.problems.every((entry) => entry.severity === 'error'), true);
  });

  it('stops at the document limit and reports it.', async () => {
    const crawler = new PodCrawler({ fetch: aggregator.session.fetch, maxDocumentsPerPod: 2 });
    const limited = await crawler.crawl([members[0]!.account.webId]);
    const pod = limited.pods[0]!;
    assert.equal(pod.limitReached, true);
    assert.deepEqual([pod.documentsSeen, pod.documentsLoaded], [2, 2]);
    assert.equal(limited.documents.length, 2);
    assert.equal(limited.problems.length, 1);
    assert.equal(limited.problems[0]!.severity, 'warning');
  });
});

describe('A PodCrawler without a server', () => {
  it('reports a WebID that is not a URL.', async () => {
    const result = await new PodCrawler({ fetch }).crawl(['not a url']);
    assert.equal(result.pods.length, 1);
    assert.equal(result.pods[0]!.errors.length, 1);
    assert.equal(result.pods[0]!.errors[0]!.status, 0);
    assert.equal(result.problems.length, 1);
  });

  it('returns an empty result for no WebIDs.', async () => {
    const result = await new PodCrawler({ fetch }).crawl([]);
    assert.deepEqual(result, { documents: [], pods: [], problems: [] });
  });
});
