import assert from 'node:assert/strict';
import { snapshotOf } from '../../src/aggregator/index.js';
import { FetchDocumentSource, NetworkCrawler } from '../../src/crawler/index.js';
import type { CrawlProgress, NetworkCrawlResult, PodCrawlReport } from '../../src/crawler/index.js';
import { PodLayout } from '../../src/pod/index.js';
import { findFreePort } from '../../src/solid/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';
import { MiniPodServer } from './support/MiniPodServer.js';
import { PREFIXES, preparePod, putTurtle, raiseEvent, workEvent } from './support/networkFixture.js';

const FIRST_CRAWL = '2026-12-10T10:00:00.000Z';
const ONE = 'http://www.ontology-of-units-of-measure.org/resource/om-2/one';

function pod(result: NetworkCrawlResult, webId: string): PodCrawlReport {
  const found = result.report.pods.find((entry) => entry.webId === webId);
  assert.ok(found, `no report for ${webId}`);
  return found;
}

function counts(report: PodCrawlReport): number[] {
  return [report.seen, report.loaded, report.downloaded, report.unchanged, report.rejected, report.failed];
}

describe('A NetworkCrawler on a network with faults', function networkCrawlerTests() {
  this.timeout(120_000);
  let server: SolidServer;
  const named: Record<string, TestMember> = {};
  let mini: MiniPodServer;
  let slow: MiniPodServer;
  let deadWebId: string;
  let source: FetchDocumentSource;
  let now: Date;
  let progress: CrawlProgress[];
  let crawler: NetworkCrawler;
  let first: NetworkCrawlResult;

  const webId = (name: string): string => named[name]!.account.webId;
  const podUrl = (name: string): string => named[name]!.account.podUrl;

  before(async () => {
    server = await sharedSolidServer();
    for (const name of ['agg', 'net', 'sub', 'alpha', 'beta', 'forbidden']) {
      named[name] = await createTestMember(server, `crawl${name}`);
    }
    mini = await MiniPodServer.start(2);
    slow = await MiniPodServer.start();
    slow.mode = 'hang';
    deadWebId = `http://127.0.0.1:${await findFreePort()}/dead/profile/card#me`;
    for (const name of ['one', 'two', 'three', 'four', 'five']) {
      mini.documents.set(`/data/${name}.ttl`, PREFIXES + workEvent(`${mini.base}data/${name}.ttl#w`, mini.webId, '1'));
    }
    const grantee = webId('agg');
    for (const name of ['net', 'sub', 'alpha', 'beta']) {
      await preparePod(named[name]!, grantee);
    }
    await preparePod(named.forbidden!);
    await putTurtle(named.net!, 'rea/resources/network.ttl', `${PREFIXES}
      <${webId('net')}> org:hasMember <${webId('sub')}>, <${webId('forbidden')}>, <${deadWebId}>, <${slow.webId}>,
        <${mini.webId}> .
      <#alpha> a org:Membership ; org:organization <${webId('net')}> ; org:member <${webId('alpha')}> ;
        org:role <#steward> ;
        org:memberDuring [ a time:Interval ; time:hasBeginning [ time:inXSDDate "2026-01-01"^^xsd:date ] ] .`);
    await putTurtle(named.sub!, 'rea/resources/network.ttl',
      `${PREFIXES} <${webId('sub')}> org:hasMember <${webId('beta')}>, <${webId('net')}> .`);
    const bolts = `${podUrl('alpha')}rea/resources/stock.ttl#bolts`;
    const sharedEvent = `${podUrl('alpha')}rea/events/2026/12/01.ttl#e1`;
    await putTurtle(named.alpha!, 'rea/resources/stock.ttl', `${PREFIXES} <#bolts> a vf:EconomicResource ; vf:name "Bolts" .`);
    await putTurtle(named.alpha!, 'rea/events/2026/12/01.ttl', PREFIXES + raiseEvent(sharedEvent, webId('alpha'), bolts, '5'));
    await putTurtle(named.alpha!, 'rea/events/2026/12/03.ttl',
      `${PREFIXES} <#e3> a vf:EconomicEvent ; vf:action vf:work, vf:use ; vf:provider <${webId('alpha')}> .`);
    await putTurtle(named.alpha!, 'rea/events/broken.ttl', '<#a> <#b> "unterminated');
    await putTurtle(named.alpha!, 'rea/events/big.ttl', `${PREFIXES}${'# padding line of a large document\n'.repeat(400)}`);
    await putTurtle(named.beta!, 'rea/events/2026/12/02.ttl', PREFIXES + raiseEvent(sharedEvent, webId('alpha'), bolts, '5') +
      workEvent(`${podUrl('beta')}rea/events/2026/12/02.ttl#w1`, webId('beta'), '3'));

    source = new FetchDocumentSource(named.agg!.session.fetch, { timeoutMs: 3000, maxBytes: 8192 });
    now = new Date(FIRST_CRAWL);
    progress = [];
    crawler = new NetworkCrawler({
      roots: [webId('net')], fetcher: source, clock: () => now, onProgress: (entry) => progress.push(entry),
    });
    first = await crawler.crawl();
  });

  after(async () => {
    await mini.stop();
    await slow.stop();
    for (const member of Object.values(named)) {
      await member.session.logout();
    }
  });

  it('recurses through the sub-network with depths.', () => {
    const depths = first.report.pods.map((entry) => [entry.webId, entry.depth]);
    const level1 = [webId('forbidden'), webId('sub'), deadWebId, mini.webId, slow.webId, webId('alpha')].sort();
    assert.deepEqual(depths, [
      [webId('net'), 0], ...level1.map((id) => [id, 1]), [webId('beta'), 2],
    ]);
    assert.deepEqual(first.networks.map((network) => network.webId), [webId('net'), webId('sub')]);
  });

  it('reports the membership cycle once.', () => {
    assert.deepEqual(first.report.cycles, [[webId('net'), webId('sub')].sort()]);
    assert.equal(first.problems.filter((entry) => entry.message.startsWith('Membership cycle')).length, 1);
  });

  it('reads roles and dates of a membership.', () => {
    const membership = first.memberships.find((entry) => entry.member === webId('alpha'));
    assert.deepEqual(membership, {
      network: webId('net'), member: webId('alpha'), id: `${podUrl('net')}rea/resources/network.ttl#alpha`,
      roles: [`${podUrl('net')}rea/resources/network.ttl#steward`], from: '2026-01-01', until: null,
      source: `${podUrl('net')}rea/resources/network.ttl`,
    });
  });

  it('reports a pod whose server is down.', () => {
    const port = new URL(deadWebId).port;
    assert.deepEqual(pod(first, deadWebId).errors, [{
      url: deadWebId.replace('#me', ''), status: 0, kind: 'network',
      message: `Request failed: fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`,
    }]);
  });

  it('reports a pod that never answers as timed out.', () => {
    assert.deepEqual(pod(first, slow.webId).errors, [{
      url: slow.webId.replace('#me', ''), status: 0, kind: 'timeout', message: 'No response within [3000] ms',
    }]);
  });

  it('reports 403 for each listing of a pod without a grant.', () => {
    const layout = new PodLayout(podUrl('forbidden'));
    const denied = [layout.privateTypeIndex, ...['agents', 'intents', 'plans', 'processes', 'recipes', 'resources']
      .map((name) => `${layout.rea}${name}/`)].sort();
    assert.deepEqual(pod(first, webId('forbidden')).errors,
      denied.map((url) => ({ url, status: 403, kind: 'http', message: 'GET returned status 403' })));
    assert.deepEqual(counts(pod(first, webId('forbidden'))), [0, 0, 0, 0, 0, 0]);
  });

  it('quarantines malformed, invalid and oversized documents and loads the rest.', () => {
    const alpha = pod(first, webId('alpha'));
    const events = `${podUrl('alpha')}rea/events/`;
    assert.deepEqual(counts(alpha), [5, 2, 2, 0, 2, 1]);
    assert.equal(alpha.coverage, 0.4);
    assert.deepEqual(alpha.errors.map((error) => [error.url, error.status, error.kind]), [
      [`${events}2026/12/03.ttl`, 200, 'shape'],
      [`${events}big.ttl`, 200, 'tooLarge'],
      [`${events}broken.ttl`, 200, 'parse'],
    ]);
    assert.match(alpha.errors[0]!.message, /vf:action fails sh:MaxCount: an event has exactly one vf:action/u);
    assert.equal(alpha.errors[1]!.message, 'The body is larger than the limit of [8192] bytes');
    assert.match(alpha.errors[2]!.message,
      /^Quarantined the document because it could not be parsed: Cannot parse \[/u);
    const loaded = first.documents.map((document) => document.source).filter((url) => url.startsWith(podUrl('alpha')));
    assert.deepEqual(loaded, [`${events}2026/12/01.ttl`, `${podUrl('alpha')}rea/resources/stock.ttl`]);
  });

  it('reads a paged container through every page.', () => {
    assert.deepEqual(counts(pod(first, mini.webId)), [5, 5, 5, 0, 0, 0]);
    assert.deepEqual(mini.requests.filter((path) => path.startsWith('/data/?')), ['/data/?page=1', '/data/?page=2']);
  });

  it('puts every quad in the graph of its document.', () => {
    for (const document of first.documents) {
      assert.equal(document.quads.every((quad) => quad.graph.value === document.source), true, document.source);
    }
  });

  it('counts an event stated in two pods once.', () => {
    const event = `${podUrl('alpha')}rea/events/2026/12/01.ttl#e1`;
    assert.deepEqual(first.report.duplicates, [
      { event, kept: `${podUrl('alpha')}rea/events/2026/12/01.ttl`, dropped: [`${podUrl('beta')}rea/events/2026/12/02.ttl`] },
    ]);
    const bolts = snapshotOf(first).inventory.resources.find((entry) => entry.id.endsWith('stock.ttl#bolts'));
    assert.deepEqual(bolts?.accountingQuantity, { value: '5', unit: ONE });
  });

  it('reports progress for every pod.', () => {
    assert.equal(progress.length, 8);
    assert.deepEqual(progress.at(-1), { pod: webId('beta'), done: 8, total: 8 });
  });

  describe('crawling again', () => {
    it('downloads nothing when nothing changed.', async () => {
      const downloads = source.downloads;
      const second = await crawler.crawl();
      assert.equal(source.downloads - downloads, 0);
      assert.equal(second.report.totals.downloaded, 0);
      assert.equal(second.report.totals.unchanged, first.report.totals.loaded);
      assert.equal(second.documents.length, first.documents.length);
    });

    it('downloads just the changed document and drops a removed one.', async () => {
      await putTurtle(named.alpha!, 'rea/events/2026/12/01.ttl', PREFIXES +
        raiseEvent(`${podUrl('alpha')}rea/events/2026/12/01.ttl#e1`, webId('alpha'),
          `${podUrl('alpha')}rea/resources/stock.ttl#bolts`, '7'));
      mini.documents.delete('/data/five.ttl');
      const third = await crawler.crawl();
      assert.equal(third.report.totals.downloaded, 1);
      assert.deepEqual(counts(pod(third, webId('alpha'))), [5, 2, 1, 1, 2, 1]);
      assert.deepEqual(counts(pod(third, mini.webId)), [4, 4, 0, 4, 0, 0]);
      assert.equal(third.documents.some((document) => document.source.endsWith('/data/five.ttl')), false);
      const bolts = snapshotOf(third).inventory.resources.find((entry) => entry.id.endsWith('stock.ttl#bolts'));
      assert.deepEqual(bolts?.accountingQuantity, { value: '7', unit: ONE });
    });

    it('keeps the last good documents of a failing pod, marked stale.', async () => {
      mini.mode = 'unavailable';
      now = new Date('2026-12-10T11:00:00.000Z');
      const fourth = await crawler.crawl();
      mini.mode = 'ok';
      const report = pod(fourth, mini.webId);
      assert.deepEqual(report.stale, { since: FIRST_CRAWL, reason: 'GET returned status 503' });
      assert.deepEqual(report.errors, [
        { url: mini.webId.replace('#me', ''), status: 503, kind: 'http', message: 'GET returned status 503' },
      ]);
      const kept = fourth.documents.map((document) => document.source).filter((url) => url.startsWith(mini.base));
      assert.deepEqual(kept, ['four', 'one', 'three', 'two'].map((name) => `${mini.base}data/${name}.ttl`));
      assert.equal(fourth.report.totals.stalePods, 1);
    });
  });
});
