import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NetworkSnapshot } from '../../src/aggregator/index.js';
import { crawlReportToQuads } from '../../src/crawler/index.js';
import type { CrawlReportJson, PodCrawlReport } from '../../src/crawler/index.js';
import { emptyModel } from '../../src/model/index.js';
import { createServiceApp } from '../../src/service/index.js';
import { AccountingViews, ScopeTree } from '../../src/views/index.js';
import { assertIsomorphic, turtle } from '../support/rdfAssertions.js';

const POD: PodCrawlReport = {
  webId: 'http://localhost:1/ada/profile/card#me',
  storage: 'http://localhost:1/ada/',
  depth: 1,
  typeIndexes: ['http://localhost:1/ada/settings/publicTypeIndex.ttl'],
  containers: ['http://localhost:1/ada/rea/events/'],
  seen: 4, loaded: 3, downloaded: 1, unchanged: 2, rejected: 1, failed: 0,
  coverage: 0.75, durationMs: 42, complete: true,
  stale: { since: '2026-12-03T10:00:00.000Z', reason: 'The pod answered 503' },
  errors: [{ url: 'http://localhost:1/ada/rea/events/bad.ttl', status: 200, kind: 'parse', message: 'Unexpected end' }],
  quarantined: [],
};

const REPORT: CrawlReportJson = {
  crawledAt: '2026-12-04T10:00:00.000Z',
  durationMs: 120,
  roots: ['http://localhost:1/net/profile/card#me'],
  pods: [POD],
  cycles: [],
  duplicates: [],
  problems: [],
  totals: {
    pods: 1, stalePods: 1, seen: 4, loaded: 3, downloaded: 1, unchanged: 2, rejected: 1, failed: 0, coverage: 0.75,
  },
};

const SNAPSHOT: NetworkSnapshot = {
  crawledAt: '2026-12-04T10:00:00.000Z',
  network: 'http://localhost:1/net/profile/card#me',
  roots: ['http://localhost:1/net/profile/card#me'],
  members: ['http://localhost:1/ada/profile/card#me'],
  inventory: {
    resources: [{
      id: 'http://localhost:1/ada/rea/resources/r.ttl#r',
      accountingQuantity: { value: '27', unit: 'http://www.ontology-of-units-of-measure.org/resource/om-2/one' },
      onhandQuantity: null,
      primaryAccountable: null,
      custodian: null,
      currentLocation: null,
      containedIn: null,
      stage: null,
    }],
    problems: [],
  },
  contributions: { agents: [], problems: [] },
  pods: [POD],
  report: REPORT,
  problems: [],
  views: new AccountingViews({
    model: emptyModel(),
    scopes: new ScopeTree({ roots: ['http://localhost:1/net/profile/card#me'], memberships: [], quads: [], model: emptyModel() }),
    problems: [],
  }),
  derivedGraphs: [],
};

async function listen(snapshot: NetworkSnapshot | undefined): Promise<{ server: Server; base: string }> {
  const app = createServiceApp(() => snapshot);
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}` });
    });
  });
}

describe('The service app', () => {
  let server: Server;
  let base: string;

  before(async () => {
    ({ server, base } = await listen(SNAPSHOT));
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves the latest inventory as JSON.', async () => {
    const response = await fetch(`${base}/inventory`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), SNAPSHOT.inventory);
  });

  it('serves the contributions as JSON.', async () => {
    const response = await fetch(`${base}/contributions`);
    assert.deepEqual(await response.json(), SNAPSHOT.contributions);
  });

  it('serves the crawl report as JSON.', async () => {
    const response = await fetch(`${base}/crawl`);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(await response.json(), REPORT);
  });

  it('serves the crawl report as Turtle when the request prefers it.', async () => {
    const response = await fetch(`${base}/crawl`, { headers: { accept: 'text/turtle, application/json;q=0.5' } });
    assert.equal(response.headers.get('content-type'), 'text/turtle; charset=utf-8');
    assertIsomorphic(turtle(await response.text(), `${base}/`), crawlReportToQuads(REPORT, `${base}/crawl`));
  });

  it('serves the crawl report as Turtle at crawl.ttl.', async () => {
    const response = await fetch(`${base}/crawl.ttl`);
    assert.equal(response.status, 200);
    assertIsomorphic(turtle(await response.text(), `${base}/`), crawlReportToQuads(REPORT, `${base}/crawl`));
  });

  it('lists its links at the root.', async () => {
    const body = await (await fetch(`${base}/`)).json() as Record<string, string>;
    assert.equal(body.inventory, `${base}/inventory`);
  });

  it('answers an unknown path with a 404 problem document.', async () => {
    const response = await fetch(`${base}/nothing-here`);
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.deepEqual(await response.json(), {
      type: 'https://w3id.org/oce/problems#not-found', status: 404, title: 'Not Found',
      detail: 'No resource at [/nothing-here]',
    });
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    it(`rejects ${method} on the inventory with 405.`, async () => {
      const response = await fetch(`${base}/inventory`, { method });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'GET, HEAD');
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.deepEqual(await response.json(), {
        type: 'https://w3id.org/oce/problems#method-not-allowed',
        status: 405,
        title: 'Method Not Allowed',
        detail: `The method [${method}] is not allowed on [/inventory]. Use GET or HEAD.`,
      });
    });
  }

  it('rejects POST on every service path with 405.', async () => {
    for (const path of ['/', '/health', '/contributions', '/crawl', '/crawl.ttl', '/api/views/network', '/api/scopes']) {
      const response = await fetch(`${base}${path}`, { method: 'POST' });
      assert.equal(response.status, 405, path);
      assert.equal(response.headers.get('allow'), 'GET, HEAD', path);
    }
  });

  it('serves HEAD on the inventory without a body.', async () => {
    const response = await fetch(`${base}/inventory`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(await response.text(), '');
  });
});

describe('The service app before the first crawl', () => {
  it('answers 503 with a retry hint.', async () => {
    const { server, base } = await listen(undefined);
    try {
      const response = await fetch(`${base}/inventory`);
      assert.equal(response.status, 503);
      const body = await response.json() as { detail: string };
      assert.equal(body.detail, 'The first crawl has not finished yet; retry in a few seconds');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
