import assert from 'node:assert/strict';
import { echoValue } from '../../../src/service/api/echoValue.js';

describe('The echoValue function', () => {
  it('keeps a value of 64 characters whole.', () => {
    assert.equal(echoValue('a'.repeat(64)), 'a'.repeat(64));
  });

  it('cuts a longer value and marks the cut.', () => {
    assert.equal(echoValue('a'.repeat(65)), `${'a'.repeat(64)}…`);
  });

  it('takes another max length.', () => {
    assert.equal(echoValue('abcdef', 3), 'abc…');
  });
});
