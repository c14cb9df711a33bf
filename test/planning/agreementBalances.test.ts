import assert from 'node:assert/strict';
import { agreementBalances } from '../../src/planning/index.js';
import type { AgreementSide } from '../../src/planning/index.js';
import { planningFixture, readModel } from './support.js';

const A = 'https://docs.example/agreements#';

function sideLines(side: AgreementSide | undefined): string[] {
  return (side?.totals ?? []).map((total) => `${total.resourceConformsTo?.replace('https://docs.example/', '')} ` +
    `${total.unit.replace(/^.*\//u, '')}: ${total.committed.toFixed()} committed, ${total.realized.toFixed()} realized, ` +
    `${total.outstanding.toFixed()} outstanding`);
}

describe('agreementBalances', () => {
  it('balances both sides of an agreement per specification and unit.', async () => {
    const [manual, ...others] = agreementBalances(await readModel(planningFixture('agreement.ttl')));
    assert.deepEqual(others, []);
    assert.equal(manual?.agreement, `${A}manual`);
    assert.equal(manual?.name, 'Manual for credits');
    assert.deepEqual(sideLines(manual?.primary), ['writing hour: 20 committed, 12.5 realized, 7.5 outstanding']);
    assert.deepEqual(sideLines(manual?.reciprocal), ['credit one: 400 committed, 250.25 realized, 149.75 outstanding']);
  });

  it('counts events that realize the agreement and events that fulfil its clauses.', async () => {
    const [manual] = agreementBalances(await readModel(planningFixture('agreement.ttl')));
    assert.deepEqual(manual?.primary.commitments, [`${A}write`]);
    assert.deepEqual(manual?.primary.events, [`${A}wrote`]);
    assert.deepEqual(manual?.reciprocal.commitments, [`${A}pay`]);
    assert.deepEqual(manual?.reciprocal.events, [`${A}paid1`, `${A}paid2`]);
  });
});
