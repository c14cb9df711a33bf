import assert from 'node:assert/strict';
import { SparqlEndpointFetcher } from 'fetch-sparql-endpoint';
import type * as RDF from '@rdfjs/types';
import { Store } from 'n3';
import { assertIsomorphic } from '../rdf/assertIsomorphic.js';
import { literal, namedNode, quad } from '../rdf/terms.js';
import { DOC_A, DOC_B, EX, startSparqlServer } from './sparqlServer.js';
import type { SparqlServer } from './sparqlServer.js';

async function collect<T>(stream: NodeJS.ReadableStream): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) {
    items.push(item as T);
  }
  return items;
}

describe('The SPARQL endpoint with a client library', () => {
  let server: SparqlServer;

  before(async () => {
    server = await startSparqlServer();
  });

  after(async () => {
    await server.close();
  });

  for (const method of ['POST', 'GET'] as const) {
    it(`answers a SELECT query sent by ${method}.`, async () => {
      const fetcher = new SparqlEndpointFetcher({ method });
      const stream = await fetcher.fetchBindings(server.url, 'SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o');
      const rows = await collect<Record<string, RDF.Term>>(stream);
      assert.equal(rows.length, 3);
      assert.equal(rows[0]?.g?.equals(namedNode(DOC_A)), true);
      assert.equal(rows[0]?.o?.equals(literal('1')), true);
      assert.equal(rows[1]?.g?.equals(namedNode(DOC_B)), true);
      assert.equal(rows[1]?.o?.equals(literal('2')), true);
      assert.equal(rows[2]?.o?.equals(literal('x,y', 'en')), true);
    });
  }

  it('answers an ASK query.', async () => {
    const fetcher = new SparqlEndpointFetcher();
    assert.equal(await fetcher.fetchAsk(server.url, 'ASK { ?s ?p "2" }'), true);
    assert.equal(await fetcher.fetchAsk(server.url, 'ASK { ?s ?p "3" }'), false);
  });

  it('answers a CONSTRUCT query.', async () => {
    const fetcher = new SparqlEndpointFetcher();
    const stream = await fetcher.fetchTriples(server.url, `CONSTRUCT { ?s <${EX}q> ?o } WHERE { ?s ?p ?o }`);
    const triples = await collect<RDF.Quad>(stream);
    const q = namedNode(`${EX}q`);
    assertIsomorphic(new Store(triples).getQuads(null, null, null, null), [
      quad(namedNode(`${EX}a`), q, literal('1')),
      quad(namedNode(`${EX}b`), q, literal('2')),
      quad(namedNode(`${EX}b`), q, literal('x,y', 'en')),
    ]);
  });

  it('reports a malformed query as an error.', async () => {
    const fetcher = new SparqlEndpointFetcher();
    await assert.rejects(fetcher.fetchAsk(server.url, 'ASK { ?s ?p }'), /HTTP status 400/u);
  });
});
