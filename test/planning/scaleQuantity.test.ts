import assert from 'node:assert/strict';
import { parseDecimal } from '../../src/model/index.js';
import { scaleQuantity } from '../../src/planning/index.js';

function scaled(value: string, demanded: string, perBatch: string): [string, boolean] {
  const result = scaleQuantity(parseDecimal(value), parseDecimal(demanded), parseDecimal(perBatch));
  return [result.value.toFixed(), result.exact];
}

describe('scaleQuantity', () => {
  it('scales exactly when the ratio has a finite decimal expansion.', () => {
    assert.deepEqual(scaled('2.5', '6', '2'), ['7.5', true]);
    assert.deepEqual(scaled('0.1', '0.3', '0.0008'), ['37.5', true]);
    assert.deepEqual(scaled('3', '1', '6.4'), ['0.46875', true]);
    assert.deepEqual(scaled('0.1', '3', '3'), ['0.1', true]);
  });

  it('keeps 30 significant digits that binary floating point would lose.', () => {
    assert.deepEqual(scaled('0.1', '123456789012345678901234567890', '10'), ['1234567890123456789012345678.9', true]);
  });

  it('rounds up to nine places when the ratio repeats.', () => {
    assert.deepEqual(scaled('1', '1', '3'), ['0.333333334', false]);
    assert.deepEqual(scaled('2', '1', '3'), ['0.666666667', false]);
    assert.deepEqual(scaled('1', '2', '7'), ['0.285714286', false]);
  });
});
