import assert from 'node:assert/strict';
import type { EconomicModel } from '../../src/model/index.js';
import { trace, track } from '../../src/trace/index.js';
import type { TraceResult } from '../../src/trace/index.js';
import { event, modelOf } from '../accounting/factories.js';
import { iris, loadTraceFixture } from './loadTraceFixture.js';

const PACKING = 'https://packing.example/';
const HONEY = 'https://honey.example/';

function ids(result: TraceResult): string[] {
  return result.flows.map((flow) => flow.id);
}

describe('Track and trace through combine and separate', () => {
  let model: EconomicModel;

  before(async () => {
    model = await loadTraceFixture('packing.ttl');
  });

  /*
   * The gown came out of the unpacking, whose input is the parcel. The packing that made the
   * parcel is entered through a produce, so all three combine inputs are followed, latest first.
   * Each record then leads only to events before its combine: the second gown to its raise, and
   * the box to nothing, because every event into the box came after. The gown's own raise comes
   * last, as the earliest event into the start record.
   */
  it('traces a gown through packing and unpacking.', () => {
    assert.deepEqual(ids(trace(model, `${PACKING}gown-1`)), iris(PACKING,
      'gown-1', 'separate-gown-1', 'unpack', 'consume-parcel', 'parcel', 'produce-parcel', 'pack',
      'combine-gown-2', 'gown-2', 'raise-gown-2', 'combine-gown-1', 'combine-box', 'box', 'raise-gown-1'));
  });

  /* Entered through the first gown's separate, the repacking leads only to that gown's combine input. */
  it('pairs a separate with the combine of its process.', () => {
    const paired = modelOf({
      events: [
        event(`${PACKING}in-1`, 'combine', { inputOf: `${PACKING}repack`, resourceInventoriedAs: `${PACKING}gown-1` }),
        event(`${PACKING}in-2`, 'combine', { inputOf: `${PACKING}repack`, resourceInventoriedAs: `${PACKING}gown-2` }),
        event(`${PACKING}out-1`, 'separate', { outputOf: `${PACKING}repack`, resourceInventoriedAs: `${PACKING}gown-1` }),
        event(`${PACKING}out-2`, 'separate', { outputOf: `${PACKING}repack`, resourceInventoriedAs: `${PACKING}gown-2` }),
      ],
    });
    assert.deepEqual(ids(trace(paired, `${PACKING}out-1`)), iris(PACKING, 'out-1', 'repack', 'in-1', 'gown-1'));
    assert.deepEqual(ids(track(paired, `${PACKING}in-2`)), iris(PACKING, 'in-2', 'repack', 'out-2', 'gown-2'));
  });

  /*
   * The parcel was made from all three combine inputs. Each gown's later separate is after the
   * combine the walk came through, so it is left out.
   */
  it('traces a parcel to everything packed into it.', () => {
    assert.deepEqual(ids(trace(model, `${PACKING}parcel`)), iris(PACKING,
      'parcel', 'produce-parcel', 'pack', 'combine-gown-2', 'gown-2', 'raise-gown-2', 'combine-gown-1',
      'gown-1', 'raise-gown-1', 'combine-box', 'box'));
  });

  /*
   * The gown's combine names the box as its container, so the box follows. The box went into the
   * packing a minute before the gown, so the box's own combine is left out. The unpacking is
   * entered through a consume, so every separate follows, and only the second gown is new.
   */
  it('tracks a gown through packing and unpacking.', () => {
    assert.deepEqual(ids(track(model, `${PACKING}gown-1`)), iris(PACKING,
      'gown-1', 'combine-gown-1', 'box', 'pack', 'produce-parcel', 'parcel', 'consume-parcel', 'unpack',
      'separate-box', 'separate-gown-1', 'separate-gown-2', 'gown-2'));
  });

  it('tracks the unpacking to every separated item.', () => {
    assert.deepEqual(ids(track(model, `${PACKING}unpack`)), iris(PACKING,
      'unpack', 'separate-box', 'box', 'separate-gown-1', 'gown-1', 'separate-gown-2', 'gown-2'));
  });
});

describe('Track and trace through a correction', () => {
  let model: EconomicModel;

  before(async () => {
    model = await loadTraceFixture('correction.ttl');
  });

  /*
   * Both raises brought honey in at the same time. The correction was created later, so it
   * comes first, and it leads to the raise it corrects.
   */
  it('traces to the correction and the corrected event.', () => {
    const result = trace(model, `${HONEY}shop-honey`);
    assert.deepEqual(ids(result), iris(HONEY, 'shop-honey', 'sell', 'honey', 'fix-raise', 'raise'));
    assert.deepEqual(result.edges[3], { from: `${HONEY}raise`, to: `${HONEY}fix-raise`, action: 'raise' });
    assert.deepEqual(result.edges[4], { from: `${HONEY}raise`, to: `${HONEY}honey`, action: 'raise' });
  });

  it('tracks a corrected event to its correction.', () => {
    assert.deepEqual(ids(track(model, `${HONEY}raise`)), iris(HONEY, 'raise', 'honey', 'sell', 'shop-honey', 'fix-raise'));
  });

  it('traces a correction to the event it corrects.', () => {
    assert.deepEqual(ids(trace(model, `${HONEY}fix-raise`)), iris(HONEY, 'fix-raise', 'raise'));
  });
});
