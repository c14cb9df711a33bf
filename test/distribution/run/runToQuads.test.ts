import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser, Store } from 'n3';
import {
  checkRunSum, equationSnapshot, OCE_RUN, readCommittedRuns, readPriorPayouts, runEquation, runToQuads,
} from '../../../src/distribution/run/index.js';
import type { CommittedRun } from '../../../src/distribution/run/index.js';
import { Decimal, parseDecimal } from '../../../src/model/index.js';
import { ShapeValidator } from '../../../src/validation/index.js';
import { RDFS } from '../../../src/vocab/index.js';
import { RUN_IRI, scenarioData } from './runScenario.js';

const AGENTS = { network: 'https://net.example/#me', ada: 'https://ada.example/#me', bruno: 'https://bruno.example/#me' };
const DOCUMENT = 'https://net.example/rea/distributions/r1.ttl';

function committedRun(): CommittedRun {
  const data = scenarioData(AGENTS);
  const result = runEquation(data, { equation: RUN_IRI.equation, amount: parseDecimal('100.00'), currency: RUN_IRI.euro });
  return { id: `${DOCUMENT}#run`, document: DOCUMENT, distributor: AGENTS.network, runTime: new Date('2026-12-04T12:00:00Z'), result };
}

describe('A run document', () => {
  const data = scenarioData(AGENTS);

  it('passes the distribution run and value equation shapes.', async () => {
    const { quads } = runToQuads(committedRun(), equationSnapshot(data.quads, RUN_IRI.equation, DOCUMENT));
    const validator = await ShapeValidator.load();
    assert.deepEqual(await validator.validate(quads, DOCUMENT), []);
  });

  it('fails the shapes without an amount.', async () => {
    const { quads } = runToQuads(committedRun(), equationSnapshot(data.quads, RUN_IRI.equation, DOCUMENT));
    const withoutAmount = quads.filter((quad) => !quad.predicate.equals(OCE_RUN.amount));
    const validator = await ShapeValidator.load();
    const messages = (await validator.validate(withoutAmount, DOCUMENT)).map((found) => found.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? '', /a distribution run has exactly one oce:amount/u);
  });

  it('lists the contribution events of each line.', () => {
    const { quads } = runToQuads(committedRun(), equationSnapshot(data.quads, RUN_IRI.equation, DOCUMENT));
    const events = quads.filter((quad) => quad.predicate.equals(OCE_RUN.contributionEvent))
      .map((quad) => [quad.subject.value.replace(`${DOCUMENT}#`, ''), quad.object.value]);
    assert.deepEqual(events, [
      ['line-2', RUN_IRI.workAda], ['line-3', RUN_IRI.workBruno], ['line-4', RUN_IRI.citeBruno],
    ]);
  });

  it('sums the payouts of its lines per claim and payee.', () => {
    const { quads } = runToQuads(committedRun(), equationSnapshot(data.quads, RUN_IRI.equation, DOCUMENT));
    const prior = readPriorPayouts(quads);
    assert.deepEqual(prior.map((payout) => [payout.agent, payout.amount.toFixed(2)]), [
      [AGENTS.network, '10.00'], [AGENTS.ada, '45.00'], [AGENTS.bruno, '15.00'], [AGENTS.bruno, '15.00'],
    ]);
    assert.equal(prior[0]?.claim, 'https://example.org/run#fee');
    // The work rule is a blank node, so its claim key is the parser's label of it.
    assert.match(prior[1]?.claim ?? '', /^_:/u);
    assert.equal(prior[2]?.claim, prior[1]?.claim);
    assert.equal(prior[3]?.claim, 'https://example.org/run#cite-rule');
  });

  it('reads back as a run with its time and undistributed amount.', () => {
    const { quads } = runToQuads(committedRun(), equationSnapshot(data.quads, RUN_IRI.equation, DOCUMENT));
    const [run] = readCommittedRuns(quads);
    assert.equal(run?.runTime, '2026-12-04T12:00:00.000Z');
    assert.equal(run?.undistributed, '15.00');
    assert.equal(run?.equation, RUN_IRI.equation);
  });

  it('is rejected when payouts and the undistributed amount miss the amount.', () => {
    const run = committedRun();
    run.result.undistributed = new Decimal('14.99');
    assert.throws(() => checkRunSum(run.result, run.id), {
      name: 'DistributionRunError',
      message: 'The payouts [85] plus the undistributed amount [14.99] do not add up to the amount [100], ' +
        'so the run was not written',
    });
  });
});

describe('The run terms of the OCE vocabulary', () => {
  const file = fileURLToPath(new URL('../../../vocab/oce.ttl', import.meta.url));
  const store = new Store(new Parser().parse(readFileSync(file, 'utf8')));

  for (const localName of OCE_RUN.localNames) {
    it(`gives oce:${localName} a label and a comment.`, () => {
      assert.equal(store.getQuads(OCE_RUN[localName], RDFS.label, null, null).length, 1);
      assert.equal(store.getQuads(OCE_RUN[localName], RDFS.comment, null, null).length, 1);
    });
  }
});
