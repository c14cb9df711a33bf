import assert from 'node:assert/strict';
import { WorkerQueryStore } from '../../src/store/index.js';
import { startSparqlServer } from './sparqlServer.js';
import type { SparqlServer } from './sparqlServer.js';

const DIGITS = 'VALUES ?x { 0 1 2 3 4 5 6 7 8 9 }';
// Ten copies of ten values: 10^10 solutions, far more than any machine counts in a second.
const SLOW_QUERY = `SELECT (COUNT(*) AS ?n) WHERE { ${Array.from({ length: 10 }, (_, i) => DIGITS.replace('?x', `?x${i}`)).join(' ')} }`;

describe('A SPARQL router over a WorkerQueryStore', () => {
  let server: SparqlServer;
  let store: WorkerQueryStore;

  before(async () => {
    store = new WorkerQueryStore();
    server = await startSparqlServer({ timeoutMs: 300 }, store);
  });

  after(async () => {
    await server.close();
    await store.close();
  });

  it('answers a query that times out with 503.', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent(SLOW_QUERY)}`);
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), {
      status: 503,
      title: 'Query Timed Out',
      detail: 'The query timed out after [300] ms; narrow it or add a LIMIT',
    });
  });

  it('answers the next query after a timeout.', async () => {
    const query = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
    const response = await fetch(`${server.url}?query=${encodeURIComponent(query)}`, { headers: { accept: 'text/csv' } });
    assert.equal(await response.text(), 'n\r\n3\r\n');
  });
});
