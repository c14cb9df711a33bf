import assert from 'node:assert/strict';
import { snapshotOf } from '../../src/aggregator/index.js';
import type { NetworkSnapshot } from '../../src/aggregator/index.js';
import { FetchDocumentSource, NetworkCrawler } from '../../src/crawler/index.js';
import type { CrawlError, NetworkCrawlResult, PodCrawlReport } from '../../src/crawler/index.js';
import { NetworkCoordination } from '../../src/planning/index.js';
import type { CoordinationStatus } from '../../src/planning/index.js';
import { AccessGranter, PodLayout, REA_CONTAINERS } from '../../src/pod/index.js';
import type { ReaContainer } from '../../src/pod/index.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';
import { PREFIXES, preparePod, putTurtle } from './support/networkFixture.js';

const NOW = '2026-12-10T00:00:00Z';
const FORBIDDEN = { status: 403, kind: 'http', message: 'GET returned status 403' } as const;

function podOf(result: NetworkCrawlResult, webId: string): PodCrawlReport {
  const found = result.report.pods.find((entry) => entry.webId === webId);
  assert.ok(found, `no report for ${webId}`);
  return found;
}

function sortedErrors(errors: CrawlError[]): CrawlError[] {
  return [...errors].sort((a, b) => (a.url < b.url ? -1 : 1));
}

describe('Two networks sharing a member', function multiNetworkTests() {
  this.timeout(180_000);
  const named: Record<string, TestMember> = {};
  let crawlA: NetworkCrawlResult;
  let crawlB: NetworkCrawlResult;
  let snapshotA: NetworkSnapshot;
  let snapshotB: NetworkSnapshot;

  const webId = (name: string): string => named[name]!.account.webId;
  const podUrl = (name: string): string => named[name]!.account.podUrl;
  const deniedContainers = (name: string, granted: ReaContainer[]): CrawlError[] => REA_CONTAINERS
    .filter((container) => !granted.includes(container))
    .map((container) => ({ url: new PodLayout(podUrl(name)).container(container), ...FORBIDDEN }))
    .sort((a, b) => (a.url < b.url ? -1 : 1));
  const statusOf = (snapshot: NetworkSnapshot, scope: string): CoordinationStatus =>
    new NetworkCoordination(snapshot.views.model, snapshot.views.scopes).status({ now: NOW, scope });

  before(async () => {
    const server = await sharedSolidServer();
    for (const name of ['netA', 'netB', 'aggA', 'aggB', 'shared', 'subA', 'farm']) {
      named[name] = await createTestMember(server, `multi${name.toLowerCase()}`);
    }
    await writeNetworks();
    await writeSharedMember();
    await writeFarm();
    crawlA = await new NetworkCrawler({
      roots: [webId('netA')], fetcher: new FetchDocumentSource(named.aggA!.session.fetch, { timeoutMs: 10_000 }),
    }).crawl();
    crawlB = await new NetworkCrawler({
      roots: [webId('netB')], fetcher: new FetchDocumentSource(named.aggB!.session.fetch, { timeoutMs: 10_000 }),
    }).crawl();
    snapshotA = snapshotOf(crawlA);
    snapshotB = snapshotOf(crawlB);
  });

  after(async () => {
    for (const member of Object.values(named)) {
      await member.session.logout();
    }
  });

  /** Writes the network pods: A lists the shared member and sub-network A, and B lists the shared member only. */
  async function writeNetworks(): Promise<void> {
    await preparePod(named.netA!, webId('aggA'));
    await preparePod(named.netB!, webId('aggB'));
    await preparePod(named.subA!, webId('aggA'));
    await putTurtle(named.netA!, 'rea/resources/network.ttl',
      `${PREFIXES} <${webId('netA')}> org:hasMember <${webId('shared')}>, <${webId('subA')}> .`);
    await putTurtle(named.netB!, 'rea/resources/network.ttl', `${PREFIXES} <${webId('netB')}> org:hasMember <${webId('shared')}> .`);
    await putTurtle(named.subA!, 'rea/resources/network.ttl', `${PREFIXES} <${webId('subA')}> org:hasMember <${webId('farm')}> .`);
  }

  /** Writes the shared member's pod, granting its events to aggregator A and its plans and commitments to B. */
  async function writeSharedMember(): Promise<void> {
    const member = named.shared!;
    const base = podUrl('shared');
    await preparePod(member);
    await putTurtle(member, 'rea/events/2026/12/01.ttl', `${PREFIXES}
      <#dig> a vf:EconomicEvent ; vf:action vf:work ; vf:provider <${webId('shared')}> ; vf:receiver <${webId('shared')}> ;
        vf:fulfills <${base}rea/commitments/garden.ttl#digBeds> ; vf:inputOf <${base}rea/plans/garden.ttl#dig> ;
        vf:hasPointInTime "2026-12-01T10:00:00Z"^^xsd:dateTime ;
        vf:effortQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit om2:hour ] .
      <#weed> a vf:EconomicEvent ; vf:action vf:work ; vf:provider <${webId('shared')}> ; vf:receiver <${webId('shared')}> ;
        vf:hasPointInTime "2026-12-01T14:00:00Z"^^xsd:dateTime ;
        vf:effortQuantity [ vf:hasNumericalValue 1.5 ; vf:hasUnit om2:hour ] .`);
    await putTurtle(member, 'rea/plans/garden.ttl', `${PREFIXES}
      <#plan> a vf:Plan ; vf:name "Garden" ; vf:due "2026-12-20T00:00:00Z"^^xsd:dateTime .
      <#dig> a vf:Process ; vf:name "Dig beds" ; vf:plannedWithin <#plan> ; vf:inScopeOf <${webId('shared')}> .`);
    await putTurtle(member, 'rea/commitments/garden.ttl', `${PREFIXES}
      <#digBeds> a vf:Commitment ; vf:action vf:work ; vf:inputOf <${base}rea/plans/garden.ttl#dig> ;
        vf:provider <${webId('shared')}> ; vf:receiver <${webId('shared')}> ;
        vf:effortQuantity [ vf:hasNumericalValue 5 ; vf:hasUnit om2:hour ] .
      <#compost> a vf:Commitment ; vf:action vf:consume ; vf:inputOf <${base}rea/plans/garden.ttl#dig> ;
        vf:provider <${webId('shared')}> ; vf:receiver <${webId('shared')}> ; vf:due "2026-12-05T00:00:00Z"^^xsd:dateTime ;
        vf:resourceQuantity [ vf:hasNumericalValue 20 ; vf:hasUnit om2:kilogram ] .`);
    const layout = new PodLayout(base);
    const granter = new AccessGranter({
      fetch: member.session.fetch, webId: member.account.webId, storage: layout.storage,
    });
    await granter.grantRead(webId('aggA'), ['events']);
    await granter.grantRead(webId('aggB'), ['plans', 'commitments']);
  }

  /** Writes the pod of the farm, a member of sub-network A, which plans cider in its orchard project. */
  async function writeFarm(): Promise<void> {
    const member = named.farm!;
    const base = podUrl('farm');
    await preparePod(member, webId('aggA'));
    await putTurtle(member, 'rea/agents/orchard.ttl',
      `${PREFIXES} <#project> a org:OrganizationalUnit ; org:subOrganizationOf <${webId('farm')}> .`);
    await putTurtle(member, 'rea/plans/cider.ttl', `${PREFIXES}
      <#plan> a vf:Plan ; vf:name "Cider" ; vf:inScopeOf <${base}rea/agents/orchard.ttl#project> ;
        vf:due "2026-12-30T00:00:00Z"^^xsd:dateTime .
      <#press> a vf:Process ; vf:name "Press cider" ; vf:plannedWithin <#plan> .`);
    await putTurtle(member, 'rea/commitments/cider.ttl', `${PREFIXES}
      <#pick> a vf:Commitment ; vf:action vf:consume ; vf:inputOf <${base}rea/plans/cider.ttl#press> ;
        vf:provider <${webId('farm')}> ; vf:receiver <${webId('farm')}> ; vf:due "2026-12-05T00:00:00Z"^^xsd:dateTime ;
        vf:resourceQuantity [ vf:hasNumericalValue 300 ; vf:hasUnit om2:kilogram ] .
      <#bottle> a vf:Commitment ; vf:action vf:produce ; vf:outputOf <${base}rea/plans/cider.ttl#press> ;
        vf:resourceQuantity [ vf:hasNumericalValue 200 ; vf:hasUnit om2:litre ] .`);
    await putTurtle(member, 'rea/events/2026/12/04.ttl', `${PREFIXES}
      <#picked> a vf:EconomicEvent ; vf:action vf:consume ; vf:fulfills <${base}rea/commitments/cider.ttl#pick> ;
        vf:inputOf <${base}rea/plans/cider.ttl#press> ; vf:provider <${webId('farm')}> ; vf:receiver <${webId('farm')}> ;
        vf:hasPointInTime "2026-12-04T10:00:00Z"^^xsd:dateTime ;
        vf:resourceQuantity [ vf:hasNumericalValue 120.5 ; vf:hasUnit om2:kilogram ] .`);
  }

  describe('aggregator A', () => {
    it('crawls its network, the sub-network and the shared member.', () => {
      const pods = crawlA.report.pods.map((entry) => [entry.webId, entry.depth]);
      assert.deepEqual(pods, [
        [webId('netA'), 0], ...[webId('shared'), webId('subA')].sort().map((id) => [id, 1]), [webId('farm'), 2],
      ]);
      assert.equal(crawlA.report.pods.some((entry) => entry.webId === webId('netB')), false);
    });

    it('reads only the events of the shared member.', () => {
      const documents = crawlA.documents.map((document) => document.source).filter((url) => url.startsWith(podUrl('shared')));
      assert.deepEqual(documents, [`${podUrl('shared')}rea/events/2026/12/01.ttl`]);
      const events = [...snapshotA.views.model.events.keys()].filter((id) => id.startsWith(podUrl('shared'))).sort();
      assert.deepEqual(events, ['dig', 'weed'].map((name) => `${podUrl('shared')}rea/events/2026/12/01.ttl#${name}`));
      const commitments = [...snapshotA.views.model.commitments?.keys() ?? []].filter((id) => id.startsWith(podUrl('shared')));
      assert.deepEqual(commitments, []);
    });

    it('reports every other container of the shared member as forbidden.', () => {
      const shared = podOf(crawlA, webId('shared'));
      assert.deepEqual(sortedErrors(shared.errors), deniedContainers('shared', ['events']));
      assert.deepEqual([shared.loaded, shared.failed, shared.complete], [1, 0, false]);
    });

    it('rolls the sub-network project plan up into its network.', () => {
      const status = statusOf(snapshotA, webId('netA'));
      const flows = status.flows.map((flow) => [flow.id, flow.status, flow.met.toFixed(), flow.remaining.toFixed()]);
      assert.deepEqual(flows, [
        [`${podUrl('farm')}rea/commitments/cider.ttl#bottle`, 'needed', '0', '200'],
        [`${podUrl('farm')}rea/commitments/cider.ttl#pick`, 'late', '120.5', '179.5'],
      ]);
      const project = `${podUrl('farm')}rea/agents/orchard.ttl#project`;
      const summaries = status.byScope.map((summary) => [summary.key, summary.counts]);
      const counts = { done: 0, late: 1, partial: 0, needed: 1 };
      assert.deepEqual(summaries, [webId('netA'), webId('subA'), webId('farm'), project].sort()
        .map((scope) => [scope, counts]));
    });

    it('finds the project below the sub-network in the scope tree.', () => {
      const project = `${podUrl('farm')}rea/agents/orchard.ttl#project`;
      assert.equal(snapshotA.views.scopes.get(project)?.kind, 'project');
      assert.equal(snapshotA.views.scopes.within(webId('netA')).has(project), true);
      assert.equal(snapshotA.views.scopes.get(webId('subA'))?.kind, 'network');
    });
  });

  describe('aggregator B', () => {
    it('crawls only its own network.', () => {
      assert.deepEqual(crawlB.report.pods.map((entry) => entry.webId), [webId('netB'), webId('shared')]);
    });

    it('reads only the plans and commitments of the shared member.', () => {
      const documents = crawlB.documents.map((document) => document.source).filter((url) => url.startsWith(podUrl('shared')))
        .sort();
      assert.deepEqual(documents, [`${podUrl('shared')}rea/commitments/garden.ttl`, `${podUrl('shared')}rea/plans/garden.ttl`]);
      assert.deepEqual([...snapshotB.views.model.events.keys()], []);
    });

    it('reports the events container of the shared member as forbidden.', () => {
      const shared = podOf(crawlB, webId('shared'));
      assert.deepEqual(sortedErrors(shared.errors), deniedContainers('shared', ['plans', 'commitments']));
      assert.equal(shared.loaded, 2);
    });

    it('sees the commitments without the events that fulfil them.', () => {
      const status = statusOf(snapshotB, webId('netB'));
      const flows = status.flows.map((flow) => [flow.id, flow.status, flow.met.toFixed(), flow.remaining.toFixed()]);
      const commitments = `${podUrl('shared')}rea/commitments/garden.ttl`;
      assert.deepEqual(flows, [[`${commitments}#compost`, 'late', '0', '20'], [`${commitments}#digBeds`, 'needed', '0', '5']]);
      assert.deepEqual(status.byScope.map((summary) => [summary.key, summary.counts]),
        [webId('netB'), webId('shared')].sort().map((scope) => [scope, { done: 0, late: 1, partial: 0, needed: 1 }]));
    });
  });
});
