import assert from 'node:assert/strict';
import { MalformedQueryError, OxigraphStore, QueryFailedError } from '../../src/store/index.js';
import { itBehavesLikeAQuadStore } from './itBehavesLikeAQuadStore.js';

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
