import assert from 'node:assert/strict';
import type { EconomicModel } from '../../src/model/index.js';
import { InvalidTraceOptionError, trace, track, UnknownNodeError } from '../../src/trace/index.js';
import type { TraceResult } from '../../src/trace/index.js';
import { iris, loadTraceFixture } from './loadTraceFixture.js';

const CHAIR = 'https://chair.example/';
const LOOP = 'https://loop.example/';

function ids(result: TraceResult): string[] {
  return result.flows.map((flow) => flow.id);
}

describe('Track and trace over the chair fixture', () => {
  let model: EconomicModel;

  before(async () => {
    model = await loadTraceFixture('chair.ttl');
  });

  /*
   * Backward from the buyer's chair, latest first: the sale e12 took from the chair record,
   * which the repair (modify e11, 03-05), the haul (dropoff e08, 03-04) and the making (produce
   * e05, 03-03) brought in. The repair's inputs are the work e13 and the accept e10 of the same
   * chair. The haul's inputs are the pickups of the chair (e06) and the table (e07), but only
   * the chair's leg is followed. The making consumed the workshop's wood (e03), which the
   * transfer e02 brought from the forest's wood, raised by e01.
   */
  it('traces the sold chair back to the raised wood.', () => {
    const result = trace(model, `${CHAIR}buyer-chair`);
    assert.deepEqual(ids(result), iris(CHAIR,
      'buyer-chair', 'e12', 'chair', 'e11', 'fix', 'e13', 'e10', 'e08', 'haul', 'e06', 'e05', 'make',
      'e14', 'lathe', 'e04', 'e03', 'workshop-wood', 'e02', 'forest-wood', 'e01'));
    assert.equal(result.truncated, undefined);
  });

  it('lists the kind of each node.', () => {
    const result = trace(model, `${CHAIR}e12`);
    assert.deepEqual(result.flows.slice(0, 4), [
      { id: `${CHAIR}e12`, kind: 'EconomicEvent' },
      { id: `${CHAIR}chair`, kind: 'EconomicResource' },
      { id: `${CHAIR}e11`, kind: 'EconomicEvent' },
      { id: `${CHAIR}fix`, kind: 'Process' },
    ]);
  });

  /*
   * Forward from the forest's wood, earliest first. From the haul only the chair's dropoff e08
   * is followed, so the table's dropoff e09 stays out.
   */
  it('tracks the wood forward to the buyer.', () => {
    assert.deepEqual(ids(track(model, `${CHAIR}forest-wood`)), iris(CHAIR,
      'forest-wood', 'e02', 'workshop-wood', 'e03', 'make', 'e05', 'chair', 'e06', 'haul', 'e08',
      'e10', 'fix', 'e11', 'e12', 'buyer-chair'));
  });

  /* Breadth-first with neighbours by IRI: each level of the walk above, sorted. */
  it('traces breadth-first in plain order.', () => {
    const result = trace(model, `${CHAIR}buyer-chair`, { order: 'plain' });
    assert.equal(result.order, 'plain');
    assert.deepEqual(ids(result), iris(CHAIR,
      'buyer-chair', 'e12', 'chair', 'e05', 'e08', 'e11', 'make', 'haul', 'fix', 'e03', 'e04', 'e14',
      'e06', 'e10', 'e13', 'workshop-wood', 'lathe', 'e02', 'forest-wood', 'e01'));
  });

  it('follows only the table leg when tracing the table.', () => {
    assert.deepEqual(ids(trace(model, `${CHAIR}table`)), iris(CHAIR, 'table', 'e09', 'haul', 'e07', 'e00'));
  });

  it('follows every pickup when tracing from the transport process.', () => {
    assert.deepEqual(ids(trace(model, `${CHAIR}haul`)), iris(CHAIR,
      'haul', 'e07', 'table', 'e00', 'e06', 'chair', 'e05', 'make', 'e14', 'lathe', 'e04', 'e03',
      'workshop-wood', 'e02', 'forest-wood', 'e01'));
  });

  /* Depth 0 is the buyer's chair, 1 the sale, 2 the chair, 3 the three events into it. */
  it('reports the nodes a depth limit cut.', () => {
    const result = trace(model, `${CHAIR}buyer-chair`, { maxDepth: 4 });
    assert.deepEqual(ids(result), iris(CHAIR, 'buyer-chair', 'e12', 'chair', 'e11', 'fix', 'e08', 'haul', 'e05', 'make'));
    assert.deepEqual(result.truncated, { maxDepth: 4, cutAt: iris(CHAIR, 'fix', 'haul', 'make') });
  });

  it('reports no cut when the limit only stops at the ends.', () => {
    const result = track(model, `${CHAIR}e12`, { maxDepth: 1 });
    assert.deepEqual(ids(result), iris(CHAIR, 'e12', 'buyer-chair'));
    assert.equal(result.truncated, undefined);
  });

  it('rejects an IRI that is not in the model.', () => {
    assert.throws(() => trace(model, `${CHAIR}sofa`), (error: unknown) => {
      assert.ok(error instanceof UnknownNodeError);
      assert.equal(error.iri, `${CHAIR}sofa`);
      assert.match(error.message, /\[https:\/\/chair\.example\/sofa\]/u);
      return true;
    });
  });

  it('rejects an agent IRI.', () => {
    assert.throws(() => track(model, `${CHAIR}buyer`), UnknownNodeError);
  });

  it('rejects a negative or fractional depth.', () => {
    for (const maxDepth of [-1, 1.5, Number.NaN]) {
      assert.throws(() => trace(model, `${CHAIR}chair`, { maxDepth }), InvalidTraceOptionError);
    }
  });

  it('rejects an unknown order.', () => {
    assert.throws(() => trace(model, `${CHAIR}chair`, { order: 'sideways' as 'plain' }),
      { message: 'Invalid trace option order: expected one of reference, plain, got [sideways].' });
  });
});

describe('Track and trace over loops', () => {
  let model: EconomicModel;

  before(async () => {
    model = await loadTraceFixture('loop.ttl');
  });

  /*
   * The seed record feeds the process that refills it. The walk comes back to the seed through
   * the sowing and stops there. The harvest came after the sowing, so that second visit adds nothing.
   */
  it('traces a resource that its own process refills.', () => {
    const result = trace(model, `${LOOP}seed`);
    assert.deepEqual(ids(result), iris(LOOP, 'seed', 'harvest', 'grow', 'sow', 'raise-seed'));
    assert.deepEqual(result.edges, [
      { from: `${LOOP}harvest`, to: `${LOOP}seed`, action: 'produce' },
      { from: `${LOOP}grow`, to: `${LOOP}harvest`, action: 'produce' },
      { from: `${LOOP}sow`, to: `${LOOP}grow`, action: 'consume' },
      { from: `${LOOP}seed`, to: `${LOOP}sow`, action: 'consume' },
      { from: `${LOOP}raise-seed`, to: `${LOOP}seed`, action: 'raise' },
    ]);
  });

  it('tracks the same loop forward.', () => {
    assert.deepEqual(ids(track(model, `${LOOP}seed`)), iris(LOOP, 'seed', 'sow', 'grow', 'harvest'));
  });

  it('traces a crate that came back.', () => {
    const result = trace(model, `${LOOP}brewery-crate`);
    assert.deepEqual(ids(result), iris(LOOP, 'brewery-crate', 'return', 'pub-crate', 'deliver'));
    assert.deepEqual(result.edges.at(-1), { from: `${LOOP}brewery-crate`, to: `${LOOP}deliver`, action: 'transfer' });
  });

  /* The crate went back after it reached the pub, so the pub's crate did not come from the return. */
  it('leaves out events after the one it came through.', () => {
    assert.deepEqual(ids(trace(model, `${LOOP}pub-crate`)), iris(LOOP, 'pub-crate', 'deliver', 'brewery-crate'));
  });
});
