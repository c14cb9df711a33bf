import assert from 'node:assert/strict';
import { formatDecimal, parseDecimal } from '../../src/model/index.js';

describe('parseDecimal and formatDecimal', () => {
  const cases: [string, string][] = [
    ['95', '95'],
    ['95.000', '95'],
    ['0.5', '0.5'],
    ['-3.250', '-3.25'],
    ['1e2', '100'],
    ['1.5E-3', '0.0015'],
    ['-0.0', '0'],
    ['+7', '7'],
    ['.25', '0.25'],
  ];
  for (const [text, canonical] of cases) {
    it(`formats [${text}] as [${canonical}].`, () => {
      assert.equal(formatDecimal(parseDecimal(text)), canonical);
    });
  }

  it('adds 0.1 and 0.2 exactly.', () => {
    assert.equal(formatDecimal(parseDecimal('0.1').plus(parseDecimal('0.2'))), '0.3');
  });

  it('keeps all digits of a long fraction.', () => {
    const text = `0.${'0'.repeat(498)}1`;
    assert.equal(formatDecimal(parseDecimal(text)), text);
  });

  it('rejects text that is not a number.', () => {
    assert.throws(() => parseDecimal('12 kg'), { name: 'RangeError', message: 'Expected a decimal number, got [12 kg]' });
  });

  it('rejects an exponent beyond 1000.', () => {
    assert.throws(() => parseDecimal('1e999999999'), {
      name: 'RangeError',
      message: 'Expected a decimal number with a magnitude from 1e-1000 to 1e1000, got [1e999999999]',
    });
  });

  it('accepts an exponent of 1000.', () => {
    assert.equal(formatDecimal(parseDecimal('1e1000')).length, 1001);
  });
});
