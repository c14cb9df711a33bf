import assert from 'node:assert/strict';
import type { EconomicModel } from '../../src/model/index.js';
import { contributionsBehind, UnknownNodeError } from '../../src/trace/index.js';
import type { ContributionsBehind } from '../../src/trace/index.js';
import { event, modelOf } from '../accounting/factories.js';
import { loadTraceFixture } from './loadTraceFixture.js';

const CHAIR = 'https://chair.example/';
const LOOP = 'https://loop.example/';

function summary(found: ContributionsBehind): string[] {
  return found.contributions.map(({ event, process, depth }) =>
    `${depth} ${process.replace(/^.*\//u, '')} ${event.id.replace(/^.*\//u, '')} ${event.action}`);
}

describe('The contributionsBehind function', () => {
  let chair: EconomicModel;

  before(async () => {
    chair = await loadTraceFixture('chair.ttl');
  });

  /*
   * The repair and the haul each put the chair out directly, so they are at depth 1, and so is
   * the making. The haul's inputs are pickups, which are not contributions. The making's
   * consume, work and use count, and so does the repair's work.
   */
  it('lists the inputs of every process behind the sold chair.', () => {
    assert.deepEqual(summary(contributionsBehind(chair, `${CHAIR}buyer-chair`)), [
      '1 fix e13 work',
      '1 make e03 consume',
      '1 make e04 work',
      '1 make e14 use',
    ]);
  });

  it('keeps the event objects of the model.', () => {
    const found = contributionsBehind(chair, `${CHAIR}buyer-chair`);
    assert.equal(found.contributions[0]?.event, chair.events.get(`${CHAIR}e13`));
    assert.equal(found.start, `${CHAIR}buyer-chair`);
  });

  it('finds nothing behind raised wood.', () => {
    assert.deepEqual(contributionsBehind(chair, `${CHAIR}forest-wood`).contributions, []);
  });

  it('reports a depth cut.', () => {
    const found = contributionsBehind(chair, `${CHAIR}buyer-chair`, { maxDepth: 3 });
    assert.deepEqual(found.contributions, []);
    assert.deepEqual(found.truncated?.cutAt, [`${CHAIR}e05`, `${CHAIR}e08`, `${CHAIR}e11`]);
  });

  it('stops at a loop.', async () => {
    const loop = await loadTraceFixture('loop.ttl');
    assert.deepEqual(summary(contributionsBehind(loop, `${LOOP}seed`)), ['1 grow sow consume']);
  });

  /* Bread comes from baking, which consumed flour from milling: milling is one process further. */
  it('counts the depth in processes.', () => {
    const base = 'https://bakery.example/';
    const model = modelOf({
      events: [
        event(`${base}mill-work`, 'work', { inputOf: `${base}mill` }),
        event(`${base}grind`, 'consume', { inputOf: `${base}mill`, resourceInventoriedAs: `${base}wheat` }),
        event(`${base}make-flour`, 'produce', { outputOf: `${base}mill`, resourceInventoriedAs: `${base}flour` }),
        event(`${base}knead`, 'consume', { inputOf: `${base}bake`, resourceInventoriedAs: `${base}flour` }),
        event(`${base}oven`, 'use', { inputOf: `${base}bake`, resourceInventoriedAs: `${base}oven-1` }),
        event(`${base}make-bread`, 'produce', { outputOf: `${base}bake`, resourceInventoriedAs: `${base}bread` }),
      ],
    });
    assert.deepEqual(summary(contributionsBehind(model, `${base}bread`)), [
      '1 bake knead consume',
      '1 bake oven use',
      '2 mill grind consume',
      '2 mill mill-work work',
    ]);
  });

  it('rejects an unknown IRI.', () => {
    assert.throws(() => contributionsBehind(chair, `${CHAIR}sofa`), UnknownNodeError);
  });
});
