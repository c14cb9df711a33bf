import assert from 'node:assert/strict';
import { DateTimeValue } from '../../src/model/index.js';

/** Parses `text` and fails the test when it is not of the lexical form. */
function read(text: string): DateTimeValue {
  const value = DateTimeValue.parse(text);
  assert.ok(value !== undefined, `expected [${text}] to parse`);
  return value;
}

describe('A DateTimeValue', () => {
  describe('parse', () => {
    it('reads every field of a date-time with a fraction and an offset.', () => {
      const value = read('2026-12-04T23:30:05.250-02:00');
      assert.deepEqual([value.year, value.month, value.day], [2026, 12, 4]);
      assert.deepEqual([value.hour, value.minute, value.second], [23, 30, 5]);
      assert.equal(value.fraction, '250');
      assert.equal(value.offsetMinutes, -120);
      assert.equal(value.hasTime, true);
      assert.equal(value.hasSeconds, true);
      assert.equal(value.hasExpandedYear, false);
      assert.equal(value.hasOneDigitOffsetHour, false);
    });

    it('reads a date alone as midnight without a time zone.', () => {
      const value = read('2026-12-04');
      assert.equal(value.hasTime, false);
      assert.deepEqual([value.hour, value.minute, value.second, value.fraction], [0, 0, 0, '']);
      assert.equal(value.offsetMinutes, undefined);
    });

    it('reads Z and -00:00 as a zero offset.', () => {
      assert.equal(read('2026-12-04T10:00:00Z').offsetMinutes, 0);
      assert.ok(Object.is(read('2026-12-04T10:00:00-00:00').offsetMinutes, 0));
    });

    it('reads an offset with a one-digit hour.', () => {
      const value = read('2019-04-08T10:00:00-5:00');
      assert.equal(value.offsetMinutes, -300);
      assert.equal(value.hasOneDigitOffsetHour, true);
    });

    it('reads a time without seconds.', () => {
      const value = read('2026-12-04T10:30Z');
      assert.equal(value.hasSeconds, false);
      assert.deepEqual([value.hour, value.minute, value.second], [10, 30, 0]);
    });

    it('reads an expanded year.', () => {
      const value = read('-0044-03-15T12:00:00Z');
      assert.equal(value.year, -44);
      assert.equal(value.hasExpandedYear, true);
      assert.equal(read('12026-01-01').hasExpandedYear, true);
    });

    it('returns undefined for text of another form.', () => {
      for (const text of ['04/12/2026', ' 2026-12-04', '2026-12-04T10', '2026-12-04T10:00:00.Z', '2026-12-04T10:00:00+0100', '']) {
        assert.equal(DateTimeValue.parse(text), undefined, `[${text}]`);
      }
    });
  });

  describe('isXsdDateTime', () => {
    const cases: [string, boolean][] = [
      ['2026-12-04T10:00:00Z', true],
      ['2026-12-04T10:00:00', true],
      ['2026-12-04T10:00:00.5+01:00', true],
      ['-0044-03-15T12:00:00Z', true],
      ['2026-12-04', false],
      ['2026-12-04T10:00Z', false],
      ['2019-04-08T10:00:00-5:00', false],
    ];
    for (const [text, expected] of cases) {
      it(`returns ${expected} for [${text}].`, () => {
        assert.equal(read(text).isXsdDateTime(), expected);
      });
    }
  });

  describe('hasValidFields', () => {
    const cases: [string, boolean][] = [
      ['2026-12-04T23:59:59.999Z', true],
      ['2026-12-04T24:00:00Z', true],
      ['2026-12-04T24:00:00.000Z', true],
      ['2026-12-04T24:00:00.5Z', false],
      ['2026-12-04T24:01:00Z', false],
      ['2026-12-04T10:60:00Z', false],
      ['2026-12-04T10:00:60Z', false],
      ['2026-13-01', false],
      ['2026-00-01', false],
      ['2026-01-00', false],
      ['2026-01-32', false],
      ['2026-02-31', false],
      ['2026-02-29', false],
      ['2024-02-29', true],
      ['1900-02-29', false],
      ['2000-02-29', true],
      ['2026-04-31', false],
      ['2026-12-04T10:00:00+23:59', true],
      ['2026-12-04T10:00:00+24:00', false],
      ['2026-12-04T10:00:00+00:60', false],
    ];
    for (const [text, expected] of cases) {
      it(`returns ${expected} for [${text}].`, () => {
        assert.equal(read(text).hasValidFields(), expected);
      });
    }
  });

  describe('epochSeconds', () => {
    it('is zero at the Unix epoch.', () => {
      assert.equal(read('1970-01-01T00:00:00Z').epochSeconds, 0);
    });

    it('applies the offset.', () => {
      assert.equal(read('2026-12-04T10:00:00-05:00').epochSeconds, Date.UTC(2026, 11, 4, 15) / 1000);
      assert.equal(read('2026-12-04T00:30:00+01:00').epochSeconds, Date.UTC(2026, 11, 3, 23, 30) / 1000);
    });

    it('reads a value without a time zone as UTC.', () => {
      assert.equal(read('2026-12-04T10:00:00').epochSeconds, Date.UTC(2026, 11, 4, 10) / 1000);
      assert.equal(read('2026-12-04').epochSeconds, Date.UTC(2026, 11, 4) / 1000);
    });

    it('keeps a year below 100 as written.', () => {
      assert.equal(read('0050-01-01T00:00:00Z').epochSeconds, -60589296000);
    });

    it('carries a field out of range into the next one.', () => {
      assert.equal(read('2026-13-01').epochSeconds, Date.UTC(2027, 0, 1) / 1000);
      assert.equal(read('2026-12-04T24:00:00Z').epochSeconds, Date.UTC(2026, 11, 5) / 1000);
    });
  });

  describe('compare', () => {
    it('orders fractional seconds exactly.', () => {
      const texts = ['2026-12-04T10:00:00.5Z', '2026-12-04T10:00:00.25Z', '2026-12-04T10:00:00.1234567891Z',
        '2026-12-04T10:00:00.123456789Z', '2026-12-04T10:00:00Z'];
      const sorted = texts.map(read).sort((a, b) => a.compare(b)).map((value) => value.fraction);
      assert.deepEqual(sorted, ['', '123456789', '1234567891', '25', '5']);
    });

    it('returns zero for equal instants written differently.', () => {
      assert.equal(read('2026-12-04T10:00:00.25Z').compare(read('2026-12-04T10:00:00.250Z')), 0);
      assert.equal(read('2026-12-04T10:00:00-05:00').compare(read('2026-12-04T15:00:00Z')), 0);
    });

    it('compares instants across offsets.', () => {
      const fifteenUtc = read('2026-12-04T10:00:00-05:00');
      const fourteenUtc = read('2026-12-04T14:00:00Z');
      assert.ok(fifteenUtc.compare(fourteenUtc) > 0);
      assert.ok(fourteenUtc.compare(fifteenUtc) < 0);
    });
  });

  describe('toDate', () => {
    it('cuts the fraction to whole milliseconds.', () => {
      assert.equal(read('2026-12-04T10:00:00.9999Z').toDate().toISOString(), '2026-12-04T10:00:00.999Z');
      assert.equal(read('2026-12-04T10:00:00.5Z').toDate().toISOString(), '2026-12-04T10:00:00.500Z');
    });

    it('returns the instant with the offset applied.', () => {
      assert.equal(read('2026-12-04T00:30:00.250+01:00').toDate().toISOString(), '2026-12-03T23:30:00.250Z');
    });
  });
});
