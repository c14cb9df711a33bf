import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { NetworkSnapshot } from '../../src/aggregator/index.js';
import { createServiceApp, OPENAPI_DOCUMENT } from '../../src/service/index.js';
import { fixtureViews, IRI, quinn, shop } from '../views/viewFixture.js';
import { assertMatchesOpenApi } from './support/openApiChecker.js';

type Json = Record<string, unknown>;

async function snapshotOfFixture(): Promise<NetworkSnapshot> {
  return {
    crawledAt: '2026-12-04T10:00:00.000Z', network: IRI.network, roots: [IRI.network], members: [IRI.pat, IRI.quinn, IRI.shop],
    inventory: { resources: [], problems: [] }, contributions: { agents: [], problems: [] }, pods: [],
    report: {
      crawledAt: '2026-12-04T10:00:00.000Z', durationMs: 1, roots: [IRI.network], pods: [], cycles: [], duplicates: [],
      problems: [],
      totals: {
        pods: 0, stalePods: 0, seen: 0, loaded: 0, downloaded: 0, unchanged: 0, rejected: 0, failed: 0, coverage: 1,
      },
    },
    problems: [],
    views: await fixtureViews(),
    derivedGraphs: [],
  };
}

describe('The accounting views API', () => {
  let server: Server;
  let base: string;

  const get = async (path: string, query: Record<string, string> = {}): Promise<{ response: Response; body: Json }> => {
    const search = new URLSearchParams(query).toString();
    const response = await fetch(`${base}${path}${search === '' ? '' : `?${search}`}`);
    const body = await assertMatchesOpenApi(path, response) as Json;
    return { response, body };
  };

  before(async () => {
    const snapshot = await snapshotOfFixture();
    const app = createServiceApp(() => snapshot);
    server = await new Promise<Server>((resolve) => {
      const started = app.listen(0, '127.0.0.1', () => resolve(started));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves an OpenAPI document that a validator accepts.', async () => {
    const response = await fetch(`${base}/api/openapi.json`);
    assert.equal(response.status, 200);
    const result = await new Validator().validate(await response.json() as Record<string, unknown>);
    assert.deepEqual(result, { valid: true });
    assert.deepEqual(await (await fetch(`${base}/api/openapi.json`)).json(), JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
  });

  it('lists every scope with its kind and view link.', async () => {
    const { body } = await get('/api/scopes');
    const scopes = body.scopes as Json[];
    assert.deepEqual(scopes.map((scope) => [scope.id, scope.kind]), [
      [IRI.network, 'network'], [IRI.outsider, 'person'], [IRI.pat, 'person'], [IRI.quinn, 'person'],
      [IRI.project, 'project'], [IRI.shop, 'organization'],
    ]);
    assert.equal(scopes[5]?.view, `${base}/api/views/organization?id=${encodeURIComponent(IRI.shop)}`);
  });

  it('serves the network view by default with exact figures and provenance links.', async () => {
    const { body } = await get('/api/views/network');
    assert.deepEqual(body.counts, { events: 8, processes: 1 });
    const [chairs] = body.inventory as Json[];
    assert.deepEqual(chairs?.accountingQuantity, { value: '2', unit: IRI.one });
    assert.deepEqual(chairs?.disagreements, [{
      field: 'accountingQuantity', stated: { value: '4', unit: IRI.one }, derived: { value: '2', unit: IRI.one },
      source: IRI.shopDocument,
    }]);
    const provenance = chairs?.provenance as Json;
    assert.deepEqual(provenance.documents, [IRI.shopDocument]);
    const events = await get('/api/views/network/events', Object.fromEntries(new URL(provenance.events as string).searchParams));
    assert.deepEqual((events.body.items as Json[]).map((event) => event.id), [shop('produce'), shop('sell')]);
    assert.deepEqual(body.balances, [
      { unit: IRI.one, specification: IRI.chair, in: '0', out: '1', net: '-1', provenance: (body.balances as Json[])[0]?.provenance },
      { unit: IRI.one, specification: IRI.euro, in: '120.5', out: '0', net: '120.5', provenance: (body.balances as Json[])[1]?.provenance },
    ]);
  });

  it('serves a person view filtered by period.', async () => {
    const { body } = await get('/api/views/person', { id: IRI.quinn, from: '2026-11-01', to: '2026-12-01' });
    assert.deepEqual(body.period, { from: '2026-11-01', to: '2026-12-01', scope: null });
    assert.deepEqual((body.contributions as Json[]).map((figure) => [figure.kind, figure.quantity]), [['work', '1.5']]);
  });

  it('pages through events with a cursor until the last page.', async () => {
    const first = await get('/api/views/network/events', { limit: '3' });
    assert.equal(first.body.total, 8);
    const ids = (first.body.items as Json[]).map((event) => event.id);
    assert.deepEqual(ids, [quinn('quinn-gift'), shop('pat-work'), quinn('quinn-work')]);
    let next = first.body.next as string | null;
    const seen: unknown[] = [...ids];
    while (next !== null) {
      const page = await fetch(next);
      const body = await assertMatchesOpenApi('/api/views/network/events', page) as Json;
      seen.push(...(body.items as Json[]).map((event) => event.id));
      next = body.next as string | null;
    }
    assert.deepEqual(seen, [
      quinn('quinn-gift'), shop('pat-work'), quinn('quinn-work'), shop('produce'), quinn('quinn-fix'), shop('sell'),
      shop('payment'), shop('pay-pat'),
    ]);
  });

  it('serves one event with its document and the corrections of it.', async () => {
    const { body } = await get('/api/events', { id: quinn('quinn-work') });
    assert.equal(body.source, IRI.quinnDocument);
    assert.deepEqual(body.effortQuantity, { value: '2', unit: IRI.hour });
    assert.deepEqual(body.correctedBy, [`${base}/api/events?id=${encodeURIComponent(quinn('quinn-fix'))}`]);
  });

  it('lists the processes of an organization view.', async () => {
    const { body } = await get('/api/views/organization/processes', { id: IRI.shop });
    assert.deepEqual((body.items as Json[]).map((process) => [process.id, process.name]), [[shop('build'), 'Build chairs']]);
  });

  it('traces the chairs back to the work that made them.', async () => {
    const { body } = await get('/api/trace', { id: shop('chairs') });
    assert.deepEqual((body.flows as Json[]).map((node) => [node.kind, node.id]), [
      ['EconomicResource', shop('chairs')], ['EconomicEvent', shop('produce')], ['Process', shop('build')],
      ['EconomicEvent', quinn('quinn-work')], ['EconomicEvent', shop('pat-work')],
    ]);
    assert.equal(body.truncated, null);
  });

  it('tracks work forward to the sale as a labelled graph.', async () => {
    const { body } = await get('/api/track/graph', { id: shop('pat-work') });
    assert.deepEqual((body.nodes as Json[]).map((node) => [node.id, node.label]), [
      [shop('pat-work'), 'work'], [shop('build'), 'Build chairs'], [shop('produce'), 'produce'], [shop('chairs'), 'Chairs'],
      [shop('sell'), 'transfer'],
    ]);
    assert.deepEqual((body.edges as Json[]).map((edge) => [edge.from, edge.to, edge.action]), [
      [shop('pat-work'), shop('build'), 'work'], [shop('build'), shop('produce'), 'produce'],
      [shop('produce'), shop('chairs'), 'produce'], [shop('chairs'), shop('sell'), 'transfer'],
    ]);
  });

  it('reports the depth cut of a trace.', async () => {
    const { body } = await get('/api/trace', { id: shop('chairs'), depth: '1' });
    assert.deepEqual(body.truncated, { maxDepth: 1, cutAt: [shop('produce')] });
  });

  const badRequests: [string, Record<string, string>, number, string, string][] = [
    ['/api/trace', { id: 'https://gone.test/#r' }, 404, 'id', 'No economic event, resource or process has the IRI ' +
      '[https://gone.test/#r]; expected the IRI of one that the loaded data states or that an event refers to.'],
    ['/api/track', { id: shop('chairs'), order: 'random' }, 400, 'order',
      'Invalid trace option order: expected one of reference, plain, got [random].'],
    ['/api/track', { id: shop('chairs'), depth: '-1' }, 400, 'depth',
      'Expected [depth] to be a whole number of steps, got [-1]'],
    ['/api/views/person', {}, 400, 'id', 'Expected the [id] parameter with the IRI to look up, got none'],
    ['/api/views/person', { id: IRI.shop }, 404, 'id', `Expected [${IRI.shop}] to be a person, but it is an organization`],
    ['/api/views/network', { from: '2026-13-01' }, 400, 'from',
      'Expected [from] to be an ISO 8601 date or date-time such as 2026-12-01 or 2026-12-01T09:00:00Z, got [2026-13-01]'],
    ['/api/views/network', { from: '2026-02-30' }, 400, 'from',
      'Expected [from] to be an ISO 8601 date or date-time such as 2026-12-01 or 2026-12-01T09:00:00Z, got [2026-02-30]'],
    ['/api/views/network', { from: '2026-12-01', to: '2026-11-01' }, 400, 'to',
      'Expected [to] after [from], got from [2026-12-01] and to [2026-11-01]'],
    ['/api/views/network/events', { limit: '0' }, 400, 'limit', 'Expected [limit] to be a whole number from 1 to 1000, got [0]'],
    ['/api/views/network/events', { cursor: 'bm90LWpzb24' }, 400, 'cursor',
      'Expected [cursor] to be the cursor of a previous page, got [bm90LWpzb24]'],
    ['/api/views/network/events', { cursor: Buffer.from('{"after":"https://gone.test/#e"}').toString('base64url') }, 410,
      'cursor', ''],
    ['/api/views/network/events', { figure: 'flow nothing' }, 404, 'figure',
      `The view of [${IRI.network}] has no figure [flow nothing]; take the figure key from a provenance link`],
    ['/api/events', { id: 'https://gone.test/#e' }, 404, 'id',
      'No event [https://gone.test/#e] is in the crawled data (an excluded or quarantined event is not)'],
  ];
  for (const [path, query, status, parameter, detail] of badRequests) {
    it(`answers ${status} naming [${parameter}] for ${path} with ${JSON.stringify(query)}.`, async () => {
      const { response, body } = await get(path, query);
      assert.equal(response.status, status);
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      if (status !== 410) {
        assert.equal(body.parameter, parameter);
        assert.equal(body.detail, detail);
      } else {
        assert.equal(body.type, 'https://w3id.org/oce/problems#stale-cursor');
      }
    });
  }

  it('cuts a 12 KB garbage cursor in the problem detail.', async () => {
    const { response, body } = await get('/api/views/network/events', { cursor: 'z'.repeat(12 * 1024) });
    assert.equal(response.status, 400);
    assert.equal(body.parameter, 'cursor');
    assert.equal(body.detail, `Expected [cursor] to be the cursor of a previous page, got [${'z'.repeat(64)}…]`);
  });

  it('answers a repeated parameter with 400.', async () => {
    const response = await fetch(`${base}/api/views/person?id=a&id=b`);
    assert.equal(response.status, 400);
    assert.equal((await response.json() as Json).detail, 'Expected one [id] parameter as text, got ["a","b"]');
  });
});
