import assert from 'node:assert/strict';
import { parseDecimal } from '../../src/model/index.js';
import { COOP, EQ, loadExample, payoutsOf, runExample } from './loadExample.js';
import type { Example } from './loadExample.js';

describe('The print network value equations', () => {
  let example: Example;

  before(async () => {
    example = await loadExample();
  });

  /*
   * 1000.00 euros. Fee: 5 % = 50.00 to the network. Work: 60 % = 600.00 by project hours,
   * Alice 6 h and Bob 2 h (the lab's design work is out of scope): 450.00 and 150.00.
   * Equipment and materials: 35 % = 350.00 by value, Carol's printer 4 h x 5 = 20 and Bob's
   * filament 2 kg x 20 = 40. In cents, Carol 35000 x 20 / 60 = 11666 remainder 40/60 and Bob
   * 23333 remainder 20/60; the one cent left goes to the larger remainder, Carol: 116.67 and 233.33.
   */
  it('pays straight percentages with a fee and equipment use.', () => {
    const json = runExample(example, 'straight', '1000.00');
    assert.deepEqual(payoutsOf(json), [
      ['alice', '450.00'], ['bob', '383.33'], ['carol', '116.67'], ['network', '50.00'],
    ]);
    assert.equal(json.undistributed, '0.00');
  });

  it('explains each bucket line with hours, value and share.', () => {
    const json = runExample(example, 'straight', '1000.00');
    const inputs = json.buckets[2];
    assert.equal(inputs?.amount, '350.00');
    assert.deepEqual(inputs?.lines.map((line) => [line.agent.replace(COOP, ''), line.rule, line.hours, line.value,
      line.share, line.payout]), [
      ['bob', `${EQ}material`, '0', '40', '0.666667', '233.33'],
      ['carol', `${EQ}printer-use`, '4', '20', '0.333333', '116.67'],
    ]);
  });

  /*
   * 1000.00 euros. Fee: a fixed 25.00. Work: 50 % of the remaining 975.00 = 487.50, by hours
   * worked in May within the network's scope or its sub-scopes: Alice 6 h and Bob 2 h (the lab's
   * work was in April). In cents, 48750 x 6 / 8 = 36562.5 and 48750 x 2 / 8 = 12187.5: both keep
   * a remainder of 4/8, so the cent goes to the lower IRI, Alice: 365.63 and 121.87. Equipment:
   * 100 % of the remaining 487.50, all to Carol.
   */
  it('pays remaining percentages after a fixed fee.', () => {
    const json = runExample(example, 'remaining', '1000.00');
    assert.deepEqual(payoutsOf(json), [
      ['alice', '365.63'], ['bob', '121.87'], ['carol', '487.50'], ['network', '25.00'],
    ]);
    assert.equal(json.undistributed, '0.00');
  });

  /*
   * 1000.00 euros, all in one bucket. Alice's 6 h x 25 = 150 and Bob's 2 h x 25 = 50. Dave's
   * citation is worth 1 x 300 = 300, and all of it flows back to the work that produced the
   * design, valued by the work rule: Dave 10 h x 25 = 250 and Erin 30 h x 25 = 750, so Dave
   * gets 300 x 250 / 1000 = 75 and Erin 225. Total 500: Alice 300.00, Bob 100.00, Dave 150.00,
   * Erin 450.00.
   */
  it('passes the value of a cited design back to its designers.', () => {
    const json = runExample(example, 'citation', '1000.00');
    assert.deepEqual(payoutsOf(json), [
      ['alice', '300.00'], ['bob', '100.00'], ['dave', '150.00'], ['erin', '450.00'],
    ]);
    const citation = json.buckets[0]?.lines.find((line) => line.rule === `${EQ}cite-rule`);
    assert.equal(citation?.value, '0');
    assert.equal(citation?.passedBack, '300');
  });

  /*
   * 1000.00 euros. The lab gets 30 % = 300.00 and runs its own equation: 90 % = 270.00 by
   * design hours, Dave 10 h = 67.50 and Erin 30 h = 202.50; the 30.00 its equation leaves
   * undistributed stays with the lab. Printing work gets 70 % = 700.00: Alice 525.00, Bob 175.00.
   */
  it('lets a sub-project run its own equation on its share.', () => {
    const lab = example.reader.read(`${EQ}lab`);
    const json = runExample(example, 'with-lab', '1000.00', { subEquations: new Map([[`${COOP}design-lab`, lab]]) });
    assert.deepEqual(payoutsOf(json), [
      ['alice', '525.00'], ['bob', '175.00'], ['dave', '67.50'], ['design-lab', '30.00'], ['erin', '202.50'],
    ]);
    assert.equal(json.subDistributions[0]?.result.amount, '300.00');
    assert.equal(json.subDistributions[0]?.result.undistributed, '30.00');
  });

  /*
   * Gina lent 200.00, so her debt-like claim is capped at 200 x 1.5 = 300. The loan bucket is
   * 25 % of each income. With 250.00 paid before, 400.00 of income gives a bucket of 100.00 but
   * only 50.00 fits under the cap; the other 350.00 stays undistributed.
   */
  it('pays a debt-like claim up to its cap across runs.', () => {
    const first = runExample(example, 'loan', '400.00');
    assert.deepEqual(payoutsOf(first), [['gina', '100.00']]);
    const prior = [{ claim: `${EQ}loan-rule`, agent: `${COOP}gina`, amount: parseDecimal('250') }];
    const later = runExample(example, 'loan', '400.00', { priorPayouts: prior });
    assert.deepEqual(payoutsOf(later), [['gina', '50.00']]);
    assert.equal(later.undistributed, '350.00');
  });
});
