import assert from 'node:assert/strict';
import type * as RDF from '@rdfjs/types';
import { graphFingerprint, StoreSynchronizer } from '../../src/aggregator/index.js';
import type { DerivedGraph } from '../../src/aggregator/index.js';
import { parseRdf } from '../../src/rdf/index.js';
import type { ParsedDocument } from '../../src/rdf/index.js';
import { OxigraphStore } from '../../src/store/index.js';

const DOC_A = 'https://pod.test/rea/events/a.ttl';
const DOC_B = 'https://pod.test/rea/events/b.ttl';

function document(source: string, quantity: string): Promise<ParsedDocument> {
  return parseRdf(`@prefix vf: <https://w3id.org/valueflows/ont/vf#> .
    <#e> vf:resourceQuantity [ vf:hasNumericalValue ${quantity} ] .`, { source, contentType: 'text/turtle' });
}

/** An Oxigraph store that records which graphs were written. */
class RecordingStore extends OxigraphStore {
  public readonly replaced: string[] = [];

  public override async replaceGraph(graphIri: string, quads: Iterable<RDF.Quad>): Promise<void> {
    this.replaced.push(graphIri);
    await super.replaceGraph(graphIri, quads);
  }
}

describe('StoreSynchronizer', () => {
  let store: RecordingStore;
  let synchronizer: StoreSynchronizer;

  beforeEach(() => {
    store = new RecordingStore();
    synchronizer = new StoreSynchronizer(store);
  });

  afterEach(async () => {
    await store.close();
  });

  it('writes every graph on the first sync.', async () => {
    const result = await synchronizer.sync([await document(DOC_A, '1'), await document(DOC_B, '2')]);
    assert.deepEqual(result, { replaced: 2, unchanged: 0, deleted: 0 });
    assert.deepEqual((await store.graphs()).sort(), [DOC_A, DOC_B]);
  });

  it('skips a document parsed again with the same content.', async () => {
    await synchronizer.sync([await document(DOC_A, '1'), await document(DOC_B, '2')]);
    store.replaced.length = 0;
    const result = await synchronizer.sync([await document(DOC_A, '1'), await document(DOC_B, '3')]);
    assert.deepEqual(result, { replaced: 1, unchanged: 1, deleted: 0 });
    assert.deepEqual(store.replaced, [DOC_B]);
  });

  it('deletes the graph of a document that left the view.', async () => {
    await synchronizer.sync([await document(DOC_A, '1'), await document(DOC_B, '2')]);
    const result = await synchronizer.sync([await document(DOC_A, '1')]);
    assert.deepEqual(result, { replaced: 0, unchanged: 1, deleted: 1 });
    assert.deepEqual(await store.graphs(), [DOC_A]);
  });

  it('writes a derived graph again only when it changed.', async () => {
    const derived = (quantity: string): Promise<DerivedGraph> =>
      document('urn:oce:derived:inventory', quantity)
        .then((parsed) => ({ graph: 'urn:oce:derived:inventory', quads: parsed.quads }));
    await synchronizer.sync([], [await derived('1')]);
    assert.deepEqual(await synchronizer.sync([], [await derived('1')]), { replaced: 0, unchanged: 1, deleted: 0 });
    assert.deepEqual(await synchronizer.sync([], [await derived('4')]), { replaced: 1, unchanged: 0, deleted: 0 });
  });
});

describe('graphFingerprint', () => {
  it('is equal for two parses of one text.', async () => {
    const first = await document(DOC_A, '1');
    const second = await document(DOC_A, '1');
    const blankNode = (parsed: ParsedDocument): string | undefined =>
      parsed.quads.find((quad) => quad.object.termType === 'BlankNode')?.object.value;
    assert.notEqual(blankNode(first), blankNode(second));
    assert.equal(graphFingerprint(first.quads), graphFingerprint(second.quads));
  });

  it('differs when a literal changes.', async () => {
    const first = graphFingerprint((await document(DOC_A, '1')).quads);
    assert.notEqual(first, graphFingerprint((await document(DOC_A, '2')).quads));
  });
});
