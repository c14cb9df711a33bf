import assert from 'node:assert/strict';
import { OxigraphStore, MalformedQueryError, QueryFailedError } from '../../src/store/index.js';
import type { BindingsResult, QueryResult } from '../../src/store/index.js';
import { assertIsomorphic } from '../rdf/assertIsomorphic.js';
import { literal, namedNode, quad } from '../rdf/terms.js';
import { Store } from 'n3';

const EX = 'http://example.org/';
const P = namedNode(`${EX}p`);
const DOC_A = `${EX}docA`;
const DOC_B = `${EX}docB`;

function rowsOf(result: QueryResult, variable: string): string[] {
  assert.equal(result.type, 'bindings');
  return (result).rows.map((row) => row.get(variable)?.value ?? 'unbound').sort();
}

async function storeWithTwoDocuments(): Promise<OxigraphStore> {
  const store = new OxigraphStore();
  await store.replaceGraph(DOC_A, [quad(namedNode(`${EX}a`), P, literal('1'))]);
  await store.replaceGraph(DOC_B, [quad(namedNode(`${EX}b`), P, literal('2')), quad(namedNode(`${EX}b`), P, literal('3'))]);
  return store;
}

describe('An OxigraphStore', () => {
  it('loads each document into its own named graph.', async () => {
    const store = await storeWithTwoDocuments();
    assert.equal(store.size, 3);
    assert.deepEqual(await store.graphs(), [DOC_A, DOC_B]);
    const result = await store.query('SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o');
    assert.equal(result.type, 'bindings');
    const rows = (result).rows.map((row) => `${row.get('g')?.value} ${row.get('o')?.value}`);
    assert.deepEqual(rows, [`${DOC_A} 1`, `${DOC_B} 2`, `${DOC_B} 3`]);
  });

  it('replaces the content of a graph.', async () => {
    const store = await storeWithTwoDocuments();
    await store.replaceGraph(DOC_B, [quad(namedNode(`${EX}b`), P, literal('4'))]);
    assert.equal(store.size, 2);
    assert.deepEqual(rowsOf(await store.query('SELECT ?o WHERE { ?s ?p ?o }'), 'o'), ['1', '4']);
  });

  it('ignores the graph component of the quads it loads.', async () => {
    const store = new OxigraphStore();
    await store.replaceGraph(DOC_A, [quad(namedNode(`${EX}a`), P, literal('1'), namedNode(`${EX}other`))]);
    assert.deepEqual(await store.graphs(), [DOC_A]);
  });

  it('deletes a graph and its quads.', async () => {
    const store = await storeWithTwoDocuments();
    await store.deleteGraph(DOC_B);
    assert.equal(store.size, 1);
    assert.deepEqual(await store.graphs(), [DOC_A]);
  });

  it('treats an empty replacement as a deletion.', async () => {
    const store = await storeWithTwoDocuments();
    await store.replaceGraph(DOC_A, []);
    assert.deepEqual(await store.graphs(), [DOC_B]);
    assert.equal(store.size, 2);
  });

  it('rejects a graph name that is not an absolute IRI.', async () => {
    const store = new OxigraphStore();
    await assert.rejects(store.replaceGraph('docs/a b', []), /Invalid graph IRI \[docs\/a b\]/u);
    await assert.rejects(store.deleteGraph('http://example.org/> } ; DROP ALL'), /Invalid graph IRI/u);
  });

  it('uses the union of named graphs as the default graph.', async () => {
    const store = await storeWithTwoDocuments();
    assert.deepEqual(rowsOf(await store.query('SELECT ?o WHERE { ?s ?p ?o }'), 'o'), ['1', '2', '3']);
  });

  it('restricts the default graph to the given graphs.', async () => {
    const store = await storeWithTwoDocuments();
    const result = await store.query('SELECT ?o WHERE { ?s ?p ?o }', { defaultGraphs: [DOC_B] });
    assert.deepEqual(rowsOf(result, 'o'), ['2', '3']);
  });

  it('restricts the named graphs to the given graphs.', async () => {
    const store = await storeWithTwoDocuments();
    const query = 'SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }';
    assert.deepEqual(rowsOf(await store.query(query, { namedGraphs: [DOC_A] }), 'g'), [DOC_A]);
    assert.deepEqual(rowsOf(await store.query('SELECT ?o WHERE { ?s ?p ?o }', { namedGraphs: [DOC_A] }), 'o'), []);
  });

  it('honours a FROM clause of the query.', async () => {
    const store = await storeWithTwoDocuments();
    const result = await store.query(`SELECT ?o FROM <${DOC_A}> WHERE { ?s ?p ?o }`);
    assert.deepEqual(rowsOf(result, 'o'), ['1']);
  });

  it('lets the given dataset override a FROM clause.', async () => {
    const store = await storeWithTwoDocuments();
    const result = await store.query(`SELECT ?o FROM <${DOC_A}> WHERE { ?s ?p ?o }`, { defaultGraphs: [DOC_B] });
    assert.deepEqual(rowsOf(result, 'o'), ['2', '3']);
  });

  it('returns every projected variable, bound or not.', async () => {
    const store = await storeWithTwoDocuments();
    const result = await store.query('SELECT ?s ?missing WHERE { ?s ?p "1" }');
    assert.equal(result.type, 'bindings');
    assert.deepEqual((result).variables, ['s', 'missing']);
    assert.equal((result).rows[0]?.get('missing'), undefined);
  });

  it('returns typed literals as RDF terms.', async () => {
    const store = new OxigraphStore();
    const query = 'SELECT ?n ?t WHERE { BIND(7 AS ?n) BIND("hi"@en AS ?t) }';
    const row = ((await store.query(query)) as BindingsResult).rows[0];
    assert.equal(row?.get('n')?.equals(literal('7', namedNode('http://www.w3.org/2001/XMLSchema#integer'))), true);
    assert.equal(row?.get('t')?.equals(literal('hi', 'en')), true);
  });

  it('answers an ASK query.', async () => {
    const store = await storeWithTwoDocuments();
    assert.deepEqual(await store.query('ASK { ?s ?p "2" }'), { type: 'boolean', value: true });
    assert.deepEqual(await store.query('ASK { ?s ?p "9" }'), { type: 'boolean', value: false });
  });

  it('answers a CONSTRUCT query with triples.', async () => {
    const store = await storeWithTwoDocuments();
    const result = await store.query(`PREFIX ex: <${EX}>\nCONSTRUCT { ?s ex:q ?o } WHERE { ?s ex:p ?o }`);
    assert.equal(result.type, 'quads');
    const q = namedNode(`${EX}q`);
    assertIsomorphic(new Store([...result.quads]).getQuads(null, null, null, null), [
      quad(namedNode(`${EX}a`), q, literal('1')),
      quad(namedNode(`${EX}b`), q, literal('2')),
      quad(namedNode(`${EX}b`), q, literal('3')),
    ]);
  });

  it('cuts an answer at the result limit and marks it truncated.', async () => {
    const store = await storeWithTwoDocuments();
    const result = (await store.query('SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o', { maxResults: 2 })) as BindingsResult;
    assert.equal(result.rows.length, 2);
    assert.equal(result.truncated, true);
    const exact = (await store.query('SELECT ?o WHERE { ?s ?p ?o }', { maxResults: 3 })) as BindingsResult;
    assert.equal(exact.truncated, false);
  });

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
});
