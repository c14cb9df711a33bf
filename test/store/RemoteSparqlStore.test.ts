import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  MalformedQueryError, QueryTimeoutError, RemoteSparqlStore, RemoteStoreError, VIRTUOSO_AUTHENTICATED_PATHS,
} from '../../src/store/index.js';
import type { BindingsResult, RemoteSparqlStoreOptions } from '../../src/store/index.js';
import { blankNode, literal, namedNode, quad } from '../rdf/terms.js';
import { itBehavesLikeAQuadStore } from './itBehavesLikeAQuadStore.js';
import { VirtuosoServer } from './support/VirtuosoServer.js';

const EX = 'http://example.org/';
const DIGITS = 'VALUES ?x { 0 1 2 3 4 5 6 7 8 9 }';
// Ten copies of ten values: 10^10 solutions, far more than any machine counts within the limit.
const ENDLESS_QUERY = `SELECT (COUNT(*) AS ?n) WHERE { ${Array.from({ length: 10 }, (_, i) => DIGITS.replace('?x', `?x${i}`)).join(' ')} }`;

describe('A RemoteSparqlStore on Virtuoso', function () {
  this.timeout(60_000);
  let virtuoso: VirtuosoServer | undefined;

  before(async () => {
    virtuoso = await VirtuosoServer.start();
  });

  after(async () => {
    await virtuoso?.stop();
  });

  function options(extra: Partial<RemoteSparqlStoreOptions> = {}): RemoteSparqlStoreOptions {
    assert.ok(virtuoso !== undefined, 'Virtuoso did not start');
    return { baseUrl: virtuoso.baseUrl, credentials: virtuoso.credentials, ...VIRTUOSO_AUTHENTICATED_PATHS, ...extra };
  }

  async function emptyStore(extra: Partial<RemoteSparqlStoreOptions> = {}): Promise<RemoteSparqlStore> {
    const store = new RemoteSparqlStore(options(extra));
    for (const graph of await store.graphs()) {
      await store.deleteGraph(graph);
    }
    return store;
  }

  itBehavesLikeAQuadStore(() => emptyStore(), { datasetMergesWithFrom: true });

  it('writes a large graph in batches that keep blank nodes together.', async () => {
    const methods: string[] = [];
    const countingFetch: typeof fetch = async(input, init) => {
      methods.push(init?.method ?? 'GET');
      return fetch(input, init);
    };
    const store = await emptyStore({ batchSize: 4, fetch: countingFetch });
    const triples = Array.from({ length: 5 }, (_, index) => {
      const measure = blankNode(`m${index}`);
      return [
        quad(namedNode(`${EX}e${index}`), namedNode(`${EX}quantity`), measure),
        quad(measure, namedNode(`${EX}value`), literal(String(index))),
      ];
    }).flat();
    methods.length = 0;
    await store.replaceGraph(`${EX}big`, triples);
    assert.deepEqual(methods.filter((method) => method !== 'GET'), ['PUT', 'POST', 'POST']);
    assert.equal(await store.countQuads(), 10);
    const query = `SELECT ?e ?v WHERE { ?e <${EX}quantity> ?m . ?m <${EX}value> ?v }`;
    const result = (await store.query(query)) as BindingsResult;
    const pairs = result.rows.map((row) => `${row.get('e')?.value} ${row.get('v')?.value}`).sort();
    assert.deepEqual(pairs, [0, 1, 2, 3, 4].map((index) => `${EX}e${index} ${index}`));
  });

  it('passes the server message of a malformed query.', async () => {
    const store = await emptyStore();
    await assert.rejects(store.query('SELECT * WHERE { ?s ?p }'), (error: unknown) => {
      assert.ok(error instanceof MalformedQueryError);
      assert.match(error.parserMessage, /^Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error/u);
      return true;
    });
  });

  it('rejects a write with a wrong password with status and message.', async () => {
    const store = new RemoteSparqlStore(options({ credentials: { username: 'oce_store', password: 'wrong' } }));
    await assert.rejects(store.replaceGraph(`${EX}doc`, [quad(namedNode(`${EX}a`), namedNode(`${EX}p`), literal('1'))]),
      (error: unknown) => {
        assert.ok(error instanceof RemoteStoreError);
        assert.equal(error.status, 401);
        assert.equal(error.method, 'PUT');
        assert.equal(error.url, `${virtuoso?.baseUrl}sparql-graph-crud-auth?graph=${encodeURIComponent(`${EX}doc`)}`);
        return true;
      });
  });

  it('rejects anonymous writes.', async () => {
    const store = new RemoteSparqlStore({ baseUrl: virtuoso?.baseUrl ?? '' });
    await assert.rejects(store.replaceGraph(`${EX}doc`, [quad(namedNode(`${EX}a`), namedNode(`${EX}p`), literal('1'))]),
      (error: unknown) => {
        assert.ok(error instanceof RemoteStoreError);
        assert.equal(error.status, 403);
        assert.match(error.serverMessage, /Permission denied/u);
        return true;
      });
  });

  it('stops waiting for a query at its time limit.', async () => {
    const store = await emptyStore();
    await assert.rejects(store.query(ENDLESS_QUERY, { timeoutMs: 300 }), QueryTimeoutError);
  });
});

describe('A RemoteSparqlStore', () => {
  it('rejects an endpoint path outside its base URL.', () => {
    const baseUrl = 'http://127.0.0.1:8890/store/';
    assert.throws(() => new RemoteSparqlStore({ baseUrl, queryPath: '//elsewhere.example/sparql' }),
      /Invalid endpoint path \[\/\/elsewhere\.example\/sparql\]: it resolves to \[http:\/\/elsewhere\.example\//u,
    );
    assert.throws(() => new RemoteSparqlStore({ baseUrl, graphStorePath: '../crud' }),
      /outside the base URL \[http:\/\/127\.0\.0\.1:8890\/store\/\]/u);
  });

  it('rejects a base URL that is not http.', () => {
    assert.throws(() => new RemoteSparqlStore({ baseUrl: 'file:///tmp/store' }), /Invalid base URL \[file:\/\/\/tmp\/store\]/u);
  });

  it('does not follow a redirect of the server.', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(302, { location: 'http://127.0.0.2:9/elsewhere' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const store = new RemoteSparqlStore({ baseUrl: `http://127.0.0.1:${port}/` });
      await assert.rejects(store.deleteGraph(`${EX}doc`), (error: unknown) => {
        assert.ok(error instanceof RemoteStoreError);
        assert.equal(error.status, 302);
        assert.equal(error.serverMessage, 'redirect to [http://127.0.0.2:9/elsewhere], which the store does not follow');
        return true;
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
