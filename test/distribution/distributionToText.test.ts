import assert from 'node:assert/strict';
import { distributionToText } from '../../src/distribution/index.js';
import { COOP, EQ, loadExample, runExample } from './loadExample.js';

describe('The distribution text formatter', () => {
  it('shows a sub-network\'s own run, unnamed rules and notes.', async () => {
    const example = await loadExample();
    const lab = example.reader.read(`${EQ}lab`);
    const json = runExample(example, 'with-lab', '100.00', { subEquations: new Map([[`${COOP}design-lab`, lab]]) });
    json.notes.push('A note for the reader.');
    const text = distributionToText(json, COOP);
    assert.deepEqual(text.split('\n').slice(0, 7), [
      'Distribution of 100.00 eur by equations/with-lab',
      '',
      'bucket         agent       rule          hours  value  share  payout  limit',
      '-------------  ----------  ------------  -----  -----  -----  ------  -----',
      'Design lab     design-lab  fixed share   0      0      1      30.00',
      'Printing work  alice       unnamed rule  6      6      0.75   52.50',
      'Printing work  bob         unnamed rule  2      2      0.25   17.50',
    ]);
    assert.ok(text.includes('Sub-network design-lab:\nDistribution of 30.00 eur by equations/lab'));
    assert.ok(text.endsWith('notes:\n- A note for the reader.'));
  });
});
