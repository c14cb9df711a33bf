import assert from 'node:assert/strict';
import { parseDecimal } from '../../src/model/index.js';
import { PlanningError, durationInSeconds } from '../../src/planning/index.js';
import { OM2 } from './support.js';

function seconds(value: string, unit: string): string {
  return durationInSeconds({ value: parseDecimal(value), unit: `${OM2}${unit}` }).toFixed();
}

describe('durationInSeconds', () => {
  const cases: [string, string, string][] = [
    ['1.5', 'second-Time', '1.5'],
    ['45', 'minute-Time', '2700'],
    ['0.5', 'hour', '1800'],
    ['1', 'day', '86400'],
    ['2', 'week', '1209600'],
    ['1', 'year', '31556952'],
    ['3', 'shake', '0.00000003'],
    ['250', 'millisecond-Time', '0.25'],
    ['1', 'microsecond-Time', '0.000001'],
    ['2', 'kilosecond-Time', '2000'],
    ['0.000000000000000000000001', 'yottasecond-Time', '1'],
  ];
  for (const [value, unit, expected] of cases) {
    it(`converts ${value} ${unit} to ${expected} s.`, () => {
      assert.equal(seconds(value, unit), expected);
    });
  }

  it('rejects a month, which OM 2 gives no length.', () => {
    assert.throws(() => seconds('1', 'month'), (error: unknown) => {
      assert.ok(error instanceof PlanningError);
      assert.equal(error.message, 'Expected a duration in an OM 2 time unit with an exact length (second, minute, hour, ' +
        `day, week, year or a prefixed second), got [1] [${OM2}month]`);
      return true;
    });
  });

  it('rejects a unit outside OM 2 and a negative duration.', () => {
    assert.throws(() => durationInSeconds({ value: parseDecimal('1'), unit: 'https://units.example/shift' }),
      /got \[1\] \[https:\/\/units\.example\/shift\]$/u);
    assert.throws(() => seconds('-1', 'hour'), { message: 'Expected a duration of zero or more, got [-1]' });
  });
});
