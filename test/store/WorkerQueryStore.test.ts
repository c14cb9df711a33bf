import assert from 'node:assert/strict';
import { MalformedQueryError, QueryTimeoutError, WorkerQueryStore } from '../../src/store/index.js';
import type { BindingsResult } from '../../src/store/index.js';
import { literal, namedNode, quad } from '../rdf/terms.js';

const EX = 'http://example.org/';
const P = namedNode(`${EX}p`);
const DIGITS = 'VALUES ?x { 0 1 2 3 4 5 6 7 8 9 }';
// Ten copies of ten values: 10^10 solutions, far more than any machine counts in a second.
const SLOW_QUERY = `SELECT (COUNT(*) AS ?n) WHERE { ${Array.from({ length: 10 }, (_, i) => DIGITS.replace('?x', `?x${i}`)).join(' ')} }`;

function values(result: BindingsResult, variable: string): string[] {
  return result.rows.map((row) => row.get(variable)?.value ?? 'unbound').sort();
}

describe('A WorkerQueryStore', () => {
  let store: WorkerQueryStore;

  beforeEach(async () => {
    store = new WorkerQueryStore();
    await store.replaceGraph(`${EX}docA`, [quad(namedNode(`${EX}a`), P, literal('1'))]);
    await store.replaceGraph(`${EX}docB`, [quad(namedNode(`${EX}b`), P, literal('2'))]);
  });

  afterEach(async () => {
    await store.close();
  });

  it('answers queries from its worker after writes.', async () => {
    await store.replaceGraph(`${EX}docB`, [quad(namedNode(`${EX}b`), P, literal('3'))]);
    await store.deleteGraph(`${EX}docA`);
    const result = (await store.query('SELECT ?o WHERE { ?s ?p ?o }')) as BindingsResult;
    assert.deepEqual(values(result, 'o'), ['3']);
    assert.deepEqual(await store.graphs(), [`${EX}docB`]);
    assert.equal(store.size, 1);
  });

  it('passes the parser message of a malformed query.', async () => {
    await assert.rejects(store.query('ASK { ?s ?p }'), (error: unknown) => {
      assert.ok(error instanceof MalformedQueryError);
      assert.equal(error.parserMessage, 'error at 1:14: expected one of LATERAL, SERVICE, [_]');
      return true;
    });
  });

  it('stops a query at its time limit and answers the next one.', async () => {
    const started = Date.now();
    await assert.rejects(store.query(SLOW_QUERY, { timeoutMs: 200 }), QueryTimeoutError);
    assert.ok(Date.now() - started < 5000, `the query ran ${Date.now() - started} ms`);
    const result = (await store.query('SELECT ?o WHERE { ?s ?p ?o }', { timeoutMs: 10_000 })) as BindingsResult;
    assert.deepEqual(values(result, 'o'), ['1', '2']);
  });
});
