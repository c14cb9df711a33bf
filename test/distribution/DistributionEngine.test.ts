import assert from 'node:assert/strict';
import { ValueEquationError } from '../../src/distribution/index.js';
import { parseDecimal } from '../../src/model/index.js';
import { contribution, contributionSet, equationOf, EX, payouts, run } from './factories.js';

const WORK = contributionSet([
  contribution('w1', 'ann', { hours: '1' }),
  contribution('w2', 'ben', { hours: '1' }),
  contribution('w3', 'cat', { hours: '1' }),
]);

function hoursBucket(order: number, size: string, extra = ''): string {
  return `ex:b${order} oce:order ${order} ; ${size} ; oce:rule [ oce:variable "hours" ; oce:formula "hours" ${extra} ] .`;
}

function error(action: () => unknown): ValueEquationError {
  try {
    action();
  } catch (caught: unknown) {
    assert.ok(caught instanceof ValueEquationError);
    return caught;
  }
  assert.fail('no error was thrown');
}

describe('A DistributionEngine', () => {
  /* 100.00 in thirds: 33.33 each and one cent left, which goes to the lowest agent IRI, Ann. */
  it('gives the rounding residue to the lowest agent IRI on equal remainders.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 . ${hoursBucket(1, 'oce:percentOfTotal 100')}`);
    assert.deepEqual(payouts(run(equation, '100.00', WORK)), [['ann', '33.34'], ['ben', '33.33'], ['cat', '33.33']]);
  });

  /*
   * 40 %, 30 % and 30 % of 5 cents: 2, 1.5 and 1.5 cents. The floors pay 4 cents and the one
   * left goes to the earlier of the two equal remainders, Ben's bucket: 0.02, 0.02 and 0.01.
   */
  it('pays the whole amount when percentages of the total add up to 100.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 , ex:b2 , ex:b3 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 40 ; oce:fixedShareTo ex:ann .
      ex:b2 oce:order 2 ; oce:percentOfTotal 30 ; oce:fixedShareTo ex:ben .
      ex:b3 oce:order 3 ; oce:percentOfTotal 30 ; oce:fixedShareTo ex:cat .`);
    const json = run(equation, '0.05', WORK);
    assert.deepEqual(payouts(json), [['ann', '0.02'], ['ben', '0.02'], ['cat', '0.01']]);
    assert.equal(json.undistributed, '0.00');
  });

  it('rejects percentages of the total over 100 and names the total.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 , ex:b2 .
      ${hoursBucket(1, 'oce:percentOfTotal 60')} ${hoursBucket(2, 'oce:percentOfTotal 40.5')}`);
    assert.equal(error(() => run(equation, '10', WORK)).message,
      `Value equation [${EX}e] allocates [100.5] % of the total, more than 100 %`);
  });

  it('rejects fixed amounts that exceed the amount.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 , ex:b2 .
      ex:b1 oce:order 1 ; oce:fixedAmount 30 ; oce:fixedShareTo ex:ann . ${hoursBucket(2, 'oce:percentOfTotal 80')}`);
    assert.equal(error(() => run(equation, '100', WORK)).message,
      `Value equation [${EX}e] allocates [110] of an amount of [100]: [80] % of the total plus fixed amounts of [30]`);
  });

  it('rejects a bucket sized by the total after one sized by the remainder.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 , ex:b2 .
      ${hoursBucket(1, 'oce:percentOfRemainder 50')} ${hoursBucket(2, 'oce:percentOfTotal 10')}`);
    assert.equal(error(() => run(equation, '100', WORK)).message, `Bucket [${EX}b2] of equation [${EX}e] is sized ` +
      `by the total or a fixed amount but follows bucket [${EX}b1], which is sized by the remainder; order such buckets first`);
  });

  it('rejects an amount finer than the minor unit.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 . ${hoursBucket(1, 'oce:percentOfTotal 100')}`);
    assert.equal(error(() => run(equation, '10.005', WORK)).message,
      `The amount to distribute by [${EX}e] must be zero or more with at most 2 decimal places, got [10.005]`);
  });

  it('rejects a fixed amount finer than the minor unit.', () => {
    const equation = equationOf('ex:e a oce:ValueEquation ; oce:bucket ex:b1 . ' +
      'ex:b1 oce:order 1 ; oce:fixedAmount 0.5 ; oce:fixedShareTo ex:ann .');
    assert.equal(error(() => run(equation, '10', WORK, { scale: 0 })).message,
      `oce:fixedAmount of bucket [${EX}b1] is [0.5], which has more than 0 decimal places`);
  });

  it('rounds to whole units with scale 0.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 . ${hoursBucket(1, 'oce:percentOfTotal 100')}`);
    assert.deepEqual(payouts(run(equation, '10', WORK, { scale: 0 })), [['ann', '4'], ['ben', '3'], ['cat', '3']]);
  });

  it('reports what no bucket paid as undistributed.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 .
      ${hoursBucket(1, 'oce:percentOfTotal 60', '; oce:selectsAction vf:use')}`);
    const json = run(equation, '50.00', WORK);
    assert.deepEqual(json.payouts, []);
    assert.equal(json.undistributed, '50.00');
    assert.deepEqual(json.notes, [`Bucket [${EX}b1] selected no contribution with a value above 0, so it paid nothing.`]);
  });

  /* A bucket of 50 % of the total pays nothing, so the remainder bucket gets 25 % of all 80.00: 20.00. */
  it('passes what a bucket did not pay on to the remainder.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 , ex:b2 .
      ${hoursBucket(1, 'oce:percentOfTotal 50', '; oce:selectsAction vf:use')}
      ${hoursBucket(2, 'oce:percentOfRemainder 25')}`);
    const json = run(equation, '80.00', contributionSet([contribution('w1', 'ann', { hours: '2' })]));
    assert.deepEqual(payouts(json), [['ann', '20.00']]);
    assert.equal(json.undistributed, '60.00');
  });

  it('pays a one-off claim only once.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 100 ; oce:rule ex:r .
      ex:r oce:variable "hours" ; oce:formula "hours" ; oce:claimKind oce:oneOff .`);
    const prior = [{ claim: `${EX}r`, agent: `${EX}ann`, amount: parseDecimal('5') }];
    const json = run(equation, '90.00', WORK, { priorPayouts: prior });
    assert.deepEqual(payouts(json), [['ben', '45.00'], ['cat', '45.00']]);
    const ann = json.buckets[0]?.lines.find((line) => line.agent === `${EX}ann`);
    assert.equal(ann?.payout, '0.00');
    assert.equal(ann?.limit, 'one-off claim already paid [5] in an earlier run');
  });

  it('pays nothing more on a debt-like claim that reached its cap.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 100 ; oce:fixedShareTo ex:bank ; oce:claimKind oce:debtLike ; oce:cap "40" .`);
    const prior = [{ claim: `${EX}b1`, agent: `${EX}bank`, amount: parseDecimal('40') }];
    const json = run(equation, '90.00', WORK, { priorPayouts: prior });
    assert.deepEqual(json.payouts, []);
    assert.equal(json.buckets[0]?.lines[0]?.limit, 'debt-like claim reached its cap [40] with [40] paid before');
  });

  it('rejects a formula that gives a negative value.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 100 ; oce:rule ex:r . ex:r oce:variable "hours" ; oce:formula "hours - 2" .`);
    assert.equal(error(() => run(equation, '1', WORK)).message,
      `Formula [hours - 2] of rule [${EX}r] gave [-1] for event [${EX}w1]; a contribution's value must not be negative`);
  });

  it('notes a price the formula needs but the data does not state.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 100 ; oce:rule ex:r . ex:r oce:variable "value" ; oce:formula "value + 1" .`);
    const json = run(equation, '10.00', contributionSet([contribution('w1', 'ann')]));
    assert.deepEqual(json.notes, [`Event [${EX}w1] has no stated price, so [value] counted as 0 in the formula of rule [${EX}r].`]);
    assert.deepEqual(payouts(json), [['ann', '10.00']]);
  });

  /*
   * Ann consumes r1 in the shop, the only scope the rule selects. r1 is made by p1 from r2 (Ben's
   * consume), and r2 by p2 from r1 (Cat's consume): a loop. Ann's 1 passes to Ben, Ben's to Cat,
   * and Cat's walk stops at p1, which it already entered, so Cat keeps it.
   */
  it('ends the backward flow at a loop of processes.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 100 ; oce:rule ex:r . ex:r oce:formula "1" ; oce:selectsScope ex:shop .`);
    const set = contributionSet([
      contribution('c1', 'ann', { action: 'consume', resource: `${EX}r1`, scope: `${EX}shop` }),
      contribution('c2', 'ben', { action: 'consume', resource: `${EX}r2`, inputOf: `${EX}p1` }),
      contribution('c3', 'cat', { action: 'consume', resource: `${EX}r1`, inputOf: `${EX}p2` }),
    ], { [`${EX}r1`]: [`${EX}p1`], [`${EX}r2`]: [`${EX}p2`] });
    const json = run(equation, '30.00', set);
    assert.deepEqual(payouts(json), [['cat', '30.00']]);
  });

  /*
   * Ann's use in the shop is worth 10; she keeps 60 % and passes 4 back to Ben, who built the
   * tool in the workshop. The work rule selects the shop only, so Ben's work counts only
   * through the backward flow, where scope is not checked.
   */
  it('passes back only the stated percentage.', () => {
    const equation = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 100 ; oce:rule ex:use , ex:work .
      ex:use oce:order 1 ; oce:selectsAction vf:use ; oce:formula "10" ; oce:passBackPercent 40 .
      ex:work oce:order 2 ; oce:selectsAction vf:work ; oce:selectsScope ex:shop ; oce:variable "hours" ;
        oce:formula "hours" .`);
    const set = contributionSet([
      contribution('u1', 'ann', { action: 'use', resource: `${EX}tool`, inputOf: `${EX}job`, scope: `${EX}shop` }),
      contribution('w1', 'ben', { hours: '3', inputOf: `${EX}make-tool`, scope: `${EX}workshop` }),
    ], { [`${EX}tool`]: [`${EX}make-tool`] });
    const json = run(equation, '100.00', set);
    assert.deepEqual(payouts(json), [['ann', '60.00'], ['ben', '40.00']]);
  });

  it('keeps a sub-network\'s share with it when it already runs higher up.', () => {
    const top = equationOf(`ex:e a oce:ValueEquation ; oce:equationOf ex:net ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 50 ; oce:fixedShareTo ex:sub .`);
    const sub = equationOf(`ex:e a oce:ValueEquation ; oce:equationOf ex:sub ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 100 ; oce:fixedShareTo ex:net .`);
    const subEquations = new Map([[`${EX}net`, top], [`${EX}sub`, sub]]);
    const json = run(top, '10.00', WORK, { subEquations });
    assert.deepEqual(payouts(json), [['net', '5.00']]);
    assert.equal(json.undistributed, '5.00');
    assert.deepEqual(json.subDistributions[0]?.result.notes, [`Sub-network [${EX}net] already runs its equation ` +
      'higher up in this run, so it keeps its [5.00] without running it again.']);
  });

  it('keeps a sub-network\'s share with it when its equation fails.', () => {
    const top = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:percentOfTotal 10 ; oce:fixedShareTo ex:sub .`);
    const sub = equationOf(`ex:e a oce:ValueEquation ; oce:bucket ex:b1 .
      ex:b1 oce:order 1 ; oce:fixedAmount 25 ; oce:fixedShareTo ex:ann .`);
    const json = run(top, '100.00', WORK, { subEquations: new Map([[`${EX}sub`, sub]]) });
    assert.deepEqual(payouts(json), [['sub', '10.00']]);
    assert.deepEqual(json.notes, [`Sub-network [${EX}sub] keeps its [10.00] because its equation [${EX}e] failed: ` +
      `Value equation [${EX}e] allocates [25] of an amount of [10]: [0] % of the total plus fixed amounts of [25].`]);
  });
});
