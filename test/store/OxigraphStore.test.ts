import assert from 'node:assert/strict';
import { MalformedQueryError, OxigraphStore, QueryFailedError, QueryTimeoutError } from '../../src/store/index.js';
import type { BindingsResult } from '../../src/store/index.js';
import { literal, namedNode, quad } from '../rdf/terms.js';
import { itBehavesLikeAQuadStore } from './itBehavesLikeAQuadStore.js';

const EX = 'http://example.org/';
const P = namedNode(`${EX}p`);
const DIGITS = 'VALUES ?x { 0 1 2 3 4 5 6 7 8 9 }';
// Ten copies of ten values: 10^10 solutions, which no engine counts within the time limit.
const ENDLESS_QUERY = `SELECT (COUNT(*) AS ?n) WHERE { ${Array.from({ length: 10 }, (_, i) => DIGITS.replace('?x', `?x${i}`)).join(' ')} }`;

function objectsOf(result: unknown): string[] {
  return (result as BindingsResult).rows.map((row) => row.get('o')?.value ?? 'unbound').sort();
}

describe('An OxigraphStore', () => {
  itBehavesLikeAQuadStore(() => Promise.resolve(new OxigraphStore()));

  it('rejects a malformed query with the parser message.', async () => {
    const store = new OxigraphStore();
    await assert.rejects(store.query('SELECT * WHERE { ?s ?p }'), (error: unknown) => {
      assert.ok(error instanceof MalformedQueryError);
      assert.match(error.parserMessage, /^error at 1:\d+: expected /u);
      return true;
    });
  });

  it('rejects a SERVICE call as a failed query.', async () => {
    const store = new OxigraphStore();
    await assert.rejects(store.query('SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }'), QueryFailedError);
  });

  it('counts its quads with its size.', async () => {
    const store = new OxigraphStore();
    await store.replaceGraph('http://example.org/docA', []);
    assert.equal(store.size, 0);
    assert.equal(await store.countQuads(), 0);
  });
});

describe('An OxigraphStore with a query worker', function () {
  this.timeout(60_000);
  const opened: OxigraphStore[] = [];

  function workerStore(): OxigraphStore {
    const store = new OxigraphStore({ queryWorker: true });
    opened.push(store);
    return store;
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  itBehavesLikeAQuadStore(() => Promise.resolve(workerStore()));

  it('mirrors writes made after its worker started.', async () => {
    const store = workerStore();
    await store.replaceGraph(`${EX}docA`, [quad(namedNode(`${EX}a`), P, literal('1'))]);
    assert.deepEqual(objectsOf(await store.query('SELECT ?o WHERE { ?s ?p ?o }')), ['1']);
    await store.replaceGraph(`${EX}docB`, [quad(namedNode(`${EX}b`), P, literal('2'))]);
    await store.deleteGraph(`${EX}docA`);
    assert.deepEqual(objectsOf(await store.query('SELECT ?o WHERE { ?s ?p ?o }')), ['2']);
  });

  it('stops a query at its time limit and keeps its data.', async () => {
    const store = workerStore();
    await store.replaceGraph(`${EX}docA`, [quad(namedNode(`${EX}a`), P, literal('1'))]);
    await assert.rejects(store.query(ENDLESS_QUERY, { timeoutMs: 500 }), QueryTimeoutError);
    await store.replaceGraph(`${EX}docB`, [quad(namedNode(`${EX}b`), P, literal('2'))]);
    assert.deepEqual(objectsOf(await store.query('SELECT ?o WHERE { ?s ?p ?o }')), ['1', '2']);
  });

  it('counts the wait behind a slow query against the time limit.', async () => {
    const store = workerStore();
    // The ASK waits at least the 500 ms of the query before it, longer than its own 300 ms limit.
    const slow = store.query(ENDLESS_QUERY, { timeoutMs: 500 });
    const quick = store.query('ASK {}', { timeoutMs: 300 });
    await assert.rejects(slow, QueryTimeoutError);
    await assert.rejects(quick, { name: 'QueryTimeoutError', timeoutMs: 300 });
    assert.deepEqual(await store.query('ASK {}', { timeoutMs: 300 }), { type: 'boolean', value: true });
  });

  it('passes the parser message of a malformed query.', async () => {
    const store = workerStore();
    await assert.rejects(store.query('ASK { ?s ?p }'), (error: unknown) => {
      assert.ok(error instanceof MalformedQueryError);
      assert.match(error.parserMessage, /^error at 1:\d+: expected /u);
      return true;
    });
  });

  it('rejects queries after it is closed.', async () => {
    const store = workerStore();
    await store.close();
    await assert.rejects(store.query('ASK {}'), /The query failed: the store is closed/u);
  });
});
