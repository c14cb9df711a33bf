import assert from 'node:assert/strict';
import { Parser } from 'n3';
import type { Quad } from 'n3';
import {
  CommittedDistribution, DistributionRunError, DistributionRunWriter, PayoutNotifier, readCommittedRuns,
  RunContainerSetup,
} from '../../../src/distribution/run/index.js';
import type { CommittedRunResult, DistributionData } from '../../../src/distribution/run/index.js';
import { parseDecimal } from '../../../src/model/index.js';
import { PodInitializer } from '../../../src/pod/index.js';
import { SolidDocumentClient } from '../../../src/solid/index.js';
import type { SolidServer } from '../../../src/solid/index.js';
import { createTestMember, sharedSolidServer } from '../../support/sharedSolidServer.js';
import type { TestMember } from '../../support/sharedSolidServer.js';
import { RUN_IRI, scenarioData } from './runScenario.js';

const AS_ANNOUNCE = 'https://www.w3.org/ns/activitystreams#Announce';
const VF = 'https://w3id.org/valueflows/ont/vf#';

function objectsOf(quads: Quad[], subject: string, predicate: string): string[] {
  return quads.filter((quad) => quad.subject.value === subject && quad.predicate.value === predicate)
    .map((quad) => quad.object.value);
}

describe('A CommittedDistribution on a Solid server', function committedDistribution() {
  this.timeout(60_000);
  let server: SolidServer;
  let network: TestMember;
  let ada: TestMember;
  let bruno: TestMember;
  let aggregator: TestMember;
  let data: DistributionData;
  let runIds: string[];
  let first: CommittedRunResult;
  let second: CommittedRunResult;
  let committer: CommittedDistribution;
  let writer: DistributionRunWriter;

  before(async () => {
    server = await sharedSolidServer();
    [network, ada, bruno, aggregator] = [
      await createTestMember(server, 'runnet'), await createTestMember(server, 'runada'),
      await createTestMember(server, 'runbruno'), await createTestMember(server, 'runagg'),
    ];
    const owner = (member: TestMember) => ({
      fetch: member.session.fetch, webId: member.account.webId, storage: member.account.podUrl,
    });
    await new PodInitializer(owner(network)).initialize();
    await new RunContainerSetup(owner(network)).allowRunWriter(aggregator.account.webId);
    await new RunContainerSetup(owner(ada)).createInbox(aggregator.account.webId);
    data = scenarioData({ network: network.account.webId, ada: ada.account.webId, bruno: bruno.account.webId });
    runIds = ['run-1', 'run-2', 'run-2'];
    writer = new DistributionRunWriter({
      fetch: aggregator.session.fetch, storage: network.account.podUrl,
      now: () => new Date('2026-12-04T12:00:00Z'), newRunId: () => runIds.shift() ?? 'run-x',
    });
    committer = new CommittedDistribution(writer, new PayoutNotifier(aggregator.session.fetch));
    const request = { equation: RUN_IRI.equation, amount: parseDecimal('100.00'), currency: RUN_IRI.euro };
    first = await committer.commit(data, request);
    second = await committer.commit(data, request);
  });

  after(async () => {
    for (const member of [network, ada, bruno, aggregator]) {
      await member?.session.logout();
    }
  });

  it('pays the work by hours and the capped citation.', () => {
    const payouts = first.written.payouts.map((payout) => [payout.agent, payout.amount.toFixed(2)]);
    assert.deepEqual(payouts, [[ada.account.webId, '45.00'], [bruno.account.webId, '30.00']]);
    assert.equal(first.result.undistributed.toFixed(2), '15.00');
  });

  it('keeps the fee with the network without a transfer to itself.', () => {
    const fee = first.result.buckets[0]?.lines[0];
    assert.equal(fee?.agent, network.account.webId);
    assert.equal(fee?.payout.toFixed(2), '10.00');
    assert.equal(first.written.payouts.some((payout) => payout.agent === network.account.webId), false);
  });

  it('writes the run document under rea/distributions.', () => {
    assert.equal(first.written.run.document, `${network.account.podUrl}rea/distributions/run-1.ttl`);
    assert.equal(first.written.run.id, `${network.account.podUrl}rea/distributions/run-1.ttl#run`);
  });

  it('counts the earlier run in the debt-like citation claim.', () => {
    const cite = second.result.buckets[2]?.lines[0];
    assert.equal(cite?.payout.toFixed(2), '0.00');
    assert.equal(cite?.limit, 'debt-like claim reached its cap [15] with [15] paid before');
    const brunoPayout = second.written.payouts.find((payout) => payout.agent === bruno.account.webId);
    assert.equal(brunoPayout?.amount.toFixed(2), '15.00');
    assert.equal(second.result.undistributed.toFixed(2), '30.00');
  });

  it('states each payout as a claim settled by a transfer.', async () => {
    const document = await new SolidDocumentClient(network.session.fetch).read(first.written.run.document);
    const quads = document?.quads ?? [];
    const adaPayout = first.written.payouts.find((payout) => payout.agent === ada.account.webId)!;
    assert.deepEqual(objectsOf(quads, adaPayout.event, `${VF}action`), [`${VF}transfer`]);
    assert.deepEqual(objectsOf(quads, adaPayout.event, `${VF}provider`), [network.account.webId]);
    assert.deepEqual(objectsOf(quads, adaPayout.event, `${VF}receiver`), [ada.account.webId]);
    assert.deepEqual(objectsOf(quads, adaPayout.event, `${VF}settles`), [adaPayout.claim]);
    assert.deepEqual(objectsOf(quads, adaPayout.event, `${VF}resourceConformsTo`), [RUN_IRI.euro]);
    assert.deepEqual(objectsOf(quads, adaPayout.event, `${VF}hasPointInTime`), ['2026-12-04T12:00:00.000Z']);
    assert.deepEqual(objectsOf(quads, adaPayout.claim, 'https://w3id.org/oce/ns#distributionRun'),
      [first.written.run.id]);
  });

  it('reads the written runs back with their payouts.', async () => {
    const client = new SolidDocumentClient(network.session.fetch);
    const quads = [
      ...(await client.read(first.written.run.document))?.quads ?? [],
      ...(await client.read(second.written.run.document))?.quads ?? [],
    ];
    const runs = readCommittedRuns(quads);
    assert.deepEqual(runs.map((run) => [run.id, run.amount, run.undistributed, run.payouts.length]), [
      [first.written.run.id, '100.00', '15.00', 2], [second.written.run.id, '100.00', '30.00', 2],
    ]);
    const adaPayout = runs[0]?.payouts.find((payout) => payout.agent === ada.account.webId);
    assert.equal(adaPayout?.amount, '45.00');
  });

  it('copies the equation into the run document as a snapshot.', async () => {
    const quads = (await new SolidDocumentClient(network.session.fetch).read(first.written.run.document))?.quads ?? [];
    const snapshot = `${first.written.run.document}#equation`;
    assert.deepEqual(objectsOf(quads, snapshot, 'https://w3id.org/oce/ns#snapshotOf'), [RUN_IRI.equation]);
    assert.equal(objectsOf(quads, snapshot, 'https://w3id.org/oce/ns#bucket').length, 3);
  });

  it('rejects writing a run id twice.', async () => {
    const request = { equation: RUN_IRI.equation, amount: parseDecimal('100.00'), currency: RUN_IRI.euro };
    await assert.rejects(committer.commit(data, request), (error: unknown) => error instanceof DistributionRunError &&
      error.message === `Run document [${network.account.podUrl}rea/distributions/run-2.ttl] exists already; ` +
      'a run is written once');
  });

  it('tells a payee with an inbox and reports one without.', async () => {
    const notices = Object.fromEntries(first.notices.map((notice) => [notice.agent, notice.status]));
    assert.deepEqual(notices, {
      [ada.account.webId]: 'notified',
      [bruno.account.webId]: 'not notified: no inbox',
    });
    const url = first.notices.find((notice) => notice.agent === ada.account.webId)?.notice ?? '';
    const response = await ada.session.fetch(url, { headers: { accept: 'text/turtle' } });
    const quads = new Parser({ baseIRI: url }).parse(await response.text());
    const announce = quads.find((quad) => quad.object.value === AS_ANNOUNCE)?.subject.value ?? '';
    assert.deepEqual(objectsOf(quads, announce, 'https://www.w3.org/ns/activitystreams#context'), [first.written.run.id]);
  });

  it('tells only the crawled agents when the data names them.', async () => {
    const request = { equation: RUN_IRI.equation, amount: parseDecimal('10.00'), currency: RUN_IRI.euro };
    const agents = new Set([network.account.webId, bruno.account.webId]);
    const committed = await committer.commit({ ...data, agents }, request);
    const notice = committed.notices.find((each) => each.agent === ada.account.webId);
    assert.deepEqual(notice, { agent: ada.account.webId, inbox: null, status: 'not notified: not a crawled agent', notice: null });
  });

  it('keeps the inbox closed to other readers.', async () => {
    const response = await aggregator.session.fetch(`${ada.account.podUrl}inbox/`);
    await response.body?.cancel();
    assert.equal(response.status, 403);
  });

  it('rejects a run without a currency.', async () => {
    const request = { equation: RUN_IRI.equation, amount: parseDecimal('1.00'), currency: null };
    await assert.rejects(committer.commit(data, request),
      { name: 'DistributionRunError', message: 'A committed run needs the IRI of its currency, got none' });
  });
});
