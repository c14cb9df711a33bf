import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NetworkSnapshot } from '../../src/aggregator/index.js';
import { createServiceApp } from '../../src/service/index.js';

const SNAPSHOT: NetworkSnapshot = {
  crawledAt: '2026-12-04T10:00:00.000Z',
  network: 'http://localhost:1/net/profile/card#me',
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
  pods: [],
  problems: [],
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

  it('serves the crawl report with the members.', async () => {
    const body = await (await fetch(`${base}/crawl`)).json() as { members: string[]; crawledAt: string };
    assert.deepEqual(body.members, SNAPSHOT.members);
    assert.equal(body.crawledAt, SNAPSHOT.crawledAt);
  });

  it('lists its links at the root.', async () => {
    const body = await (await fetch(`${base}/`)).json() as Record<string, string>;
    assert.equal(body.inventory, `${base}/inventory`);
  });

  it('answers an unknown path with a 404 problem document.', async () => {
    const response = await fetch(`${base}/nothing-here`);
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.deepEqual(await response.json(), { status: 404, title: 'Not Found', detail: 'No resource at [/nothing-here]' });
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
