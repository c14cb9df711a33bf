import assert from 'node:assert/strict';
import { Store } from 'n3';
import { MalformedQueryError } from '../../src/store/index.js';
import type { BindingsResult, QuadStore, QueryResult } from '../../src/store/index.js';
import { assertIsomorphic } from '../rdf/assertIsomorphic.js';
import { blankNode, literal, namedNode, quad } from '../rdf/terms.js';

const EX = 'http://example.org/';
const P = namedNode(`${EX}p`);
const DOC_A = `${EX}docA`;
const DOC_B = `${EX}docB`;

function rowsOf(result: QueryResult, variable: string): string[] {
  assert.equal(result.type, 'bindings');
  return result.rows.map((row) => row.get(variable)?.value ?? 'unbound').sort();
}

/** Known departures of one store from the {@link QuadStore} contract, each tested as it is. */
export interface StoreDifferences {
  /**
   * The query options' default graphs are merged with the query's FROM graphs instead of
   * replacing them, as on Virtuoso 7.2.5.
   */
  readonly datasetMergesWithFrom?: boolean;
}

/**
 * Registers the behaviour tests that every {@link QuadStore} passes, inside the caller's
 * `describe`. `emptyStore` runs before each test and returns a store without graphs.
 */
export function itBehavesLikeAQuadStore(
  emptyStore: () => Promise<QuadStore>,
  differences: StoreDifferences = {},
): void {
  let store: QuadStore;

  async function storeWithTwoDocuments(): Promise<void> {
    await store.replaceGraph(DOC_A, [quad(namedNode(`${EX}a`), P, literal('1'))]);
    await store.replaceGraph(DOC_B, [quad(namedNode(`${EX}b`), P, literal('2')), quad(namedNode(`${EX}b`), P, literal('3'))]);
  }

  beforeEach(async () => {
    store = await emptyStore();
  });

  it('loads each document into its own named graph.', async () => {
    await storeWithTwoDocuments();
    assert.equal(await store.countQuads(), 3);
    assert.deepEqual(await store.graphs(), [DOC_A, DOC_B]);
    const result = await store.query('SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o');
    assert.equal(result.type, 'bindings');
    const rows = (result).rows.map((row) => `${row.get('g')?.value} ${row.get('o')?.value}`);
    assert.deepEqual(rows, [`${DOC_A} 1`, `${DOC_B} 2`, `${DOC_B} 3`]);
  });

  it('replaces the content of a graph.', async () => {
    await storeWithTwoDocuments();
    await store.replaceGraph(DOC_B, [quad(namedNode(`${EX}b`), P, literal('4'))]);
    assert.equal(await store.countQuads(), 2);
    assert.deepEqual(rowsOf(await store.query('SELECT ?o WHERE { ?s ?p ?o }'), 'o'), ['1', '4']);
  });

  it('ignores the graph component of the quads it loads.', async () => {
    await store.replaceGraph(DOC_A, [quad(namedNode(`${EX}a`), P, literal('1'), namedNode(`${EX}other`))]);
    assert.deepEqual(await store.graphs(), [DOC_A]);
  });

  it('deletes a graph and its quads.', async () => {
    await storeWithTwoDocuments();
    await store.deleteGraph(DOC_B);
    assert.equal(await store.countQuads(), 1);
    assert.deepEqual(await store.graphs(), [DOC_A]);
  });

  it('treats an empty replacement as a deletion.', async () => {
    await storeWithTwoDocuments();
    await store.replaceGraph(DOC_A, []);
    assert.deepEqual(await store.graphs(), [DOC_B]);
    assert.equal(await store.countQuads(), 2);
  });

  it('rejects a graph name that is not an absolute IRI.', async () => {
    await assert.rejects(store.replaceGraph('docs/a b', []), /Invalid graph IRI \[docs\/a b\]/u);
    await assert.rejects(store.deleteGraph('http://example.org/> } ; DROP ALL'), /Invalid graph IRI/u);
  });

  it('uses the union of named graphs as the default graph.', async () => {
    await storeWithTwoDocuments();
    assert.deepEqual(rowsOf(await store.query('SELECT ?o WHERE { ?s ?p ?o }'), 'o'), ['1', '2', '3']);
  });

  it('restricts the default graph to the given graphs.', async () => {
    await storeWithTwoDocuments();
    const result = await store.query('SELECT ?o WHERE { ?s ?p ?o }', { defaultGraphs: [DOC_B] });
    assert.deepEqual(rowsOf(result, 'o'), ['2', '3']);
  });

  it('restricts the named graphs to the given graphs.', async () => {
    await storeWithTwoDocuments();
    const query = 'SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }';
    assert.deepEqual(rowsOf(await store.query(query, { namedGraphs: [DOC_A] }), 'g'), [DOC_A]);
    assert.deepEqual(rowsOf(await store.query('SELECT ?o WHERE { ?s ?p ?o }', { namedGraphs: [DOC_A] }), 'o'), []);
  });

  it('honours a FROM clause of the query.', async () => {
    await storeWithTwoDocuments();
    const result = await store.query(`SELECT ?o FROM <${DOC_A}> WHERE { ?s ?p ?o }`);
    assert.deepEqual(rowsOf(result, 'o'), ['1']);
  });

  if (differences.datasetMergesWithFrom === true) {
    it('merges the given default graphs with a FROM clause.', async () => {
      await storeWithTwoDocuments();
      const result = await store.query(`SELECT ?o FROM <${DOC_A}> WHERE { ?s ?p ?o }`, { defaultGraphs: [DOC_B] });
      assert.deepEqual(rowsOf(result, 'o'), ['1', '2', '3']);
    });
  } else {
    it('lets the given dataset override a FROM clause.', async () => {
      await storeWithTwoDocuments();
      const result = await store.query(`SELECT ?o FROM <${DOC_A}> WHERE { ?s ?p ?o }`, { defaultGraphs: [DOC_B] });
      assert.deepEqual(rowsOf(result, 'o'), ['2', '3']);
    });
  }

  it('returns every projected variable, bound or not.', async () => {
    await storeWithTwoDocuments();
    const result = await store.query('SELECT ?s ?missing WHERE { ?s ?p "1" }');
    assert.equal(result.type, 'bindings');
    assert.deepEqual((result).variables, ['s', 'missing']);
    assert.equal((result).rows[0]?.get('missing'), undefined);
  });

  it('returns typed literals as RDF terms.', async () => {
    const query = 'SELECT ?n ?t WHERE { BIND(7 AS ?n) BIND("hi"@en AS ?t) }';
    const row = ((await store.query(query)) as BindingsResult).rows[0];
    assert.equal(row?.get('n')?.equals(literal('7', namedNode('http://www.w3.org/2001/XMLSchema#integer'))), true);
    assert.equal(row?.get('t')?.equals(literal('hi', 'en')), true);
  });

  it('answers an ASK query.', async () => {
    await storeWithTwoDocuments();
    assert.deepEqual(await store.query('ASK { ?s ?p "2" }'), { type: 'boolean', value: true });
    assert.deepEqual(await store.query('ASK { ?s ?p "9" }'), { type: 'boolean', value: false });
  });

  it('answers a CONSTRUCT query with triples.', async () => {
    await storeWithTwoDocuments();
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
    await storeWithTwoDocuments();
    const result = (await store.query('SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o', { maxResults: 2 })) as BindingsResult;
    assert.equal(result.rows.length, 2);
    assert.equal(result.truncated, true);
    const exact = (await store.query('SELECT ?o WHERE { ?s ?p ?o }', { maxResults: 3 })) as BindingsResult;
    assert.equal(exact.truncated, false);
  });

  it('keeps the other graphs when one is replaced.', async () => {
    await storeWithTwoDocuments();
    await store.replaceGraph(DOC_A, [quad(namedNode(`${EX}a`), P, literal('5'))]);
    const result = await store.query(`SELECT ?o WHERE { GRAPH <${DOC_B}> { ?s ?p ?o } }`);
    assert.deepEqual(rowsOf(result, 'o'), ['2', '3']);
    assert.deepEqual(await store.graphs(), [DOC_A, DOC_B]);
  });

  it('keeps a blank node shared by several triples as one node.', async () => {
    const measure = blankNode('m');
    await store.replaceGraph(DOC_A, [
      quad(namedNode(`${EX}e`), namedNode(`${EX}quantity`), measure),
      quad(measure, namedNode(`${EX}value`), literal('2.5')),
      quad(measure, namedNode(`${EX}unit`), namedNode(`${EX}hour`)),
    ]);
    const query = `SELECT ?v ?u WHERE { <${EX}e> <${EX}quantity> ?m . ?m <${EX}value> ?v ; <${EX}unit> ?u }`;
    const result = (await store.query(query)) as BindingsResult;
    assert.equal(result.rows.length, 1);
    assert.equal(result.rows[0]?.get('v')?.value, '2.5');
    assert.equal(result.rows[0]?.get('u')?.value, `${EX}hour`);
  });

  it('honours a FROM NAMED clause of the query.', async () => {
    await storeWithTwoDocuments();
    const result = await store.query(`SELECT ?g ?o FROM NAMED <${DOC_B}> WHERE { GRAPH ?g { ?s ?p ?o } }`);
    assert.deepEqual(rowsOf(result, 'g'), [DOC_B, DOC_B]);
    assert.deepEqual(rowsOf(result, 'o'), ['2', '3']);
  });

  it('lists only its own graphs in a GRAPH pattern.', async () => {
    await storeWithTwoDocuments();
    const result = await store.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }');
    assert.deepEqual(rowsOf(result, 'g'), [DOC_A, DOC_B]);
  });

  it('rejects a malformed query as malformed.', async () => {
    await assert.rejects(store.query('SELECT * WHERE { ?s ?p }'), MalformedQueryError);
  });
}
