import assert from 'node:assert/strict';
import { parseDecimal } from '../../src/model/index.js';
import { Instant } from '../../src/planning/index.js';

describe('An Instant', () => {
  it('reads an offset and prints UTC.', () => {
    assert.equal(Instant.parse('2019-04-08T17:00:00-5:00').toString(), '2019-04-08T22:00:00Z');
  });

  it('reads a time without a zone as UTC and a date as midnight.', () => {
    assert.equal(Instant.parse('2026-12-24T08:00:00').toString(), '2026-12-24T08:00:00Z');
    assert.equal(Instant.parse('2026-12-24').toString(), '2026-12-24T00:00:00Z');
  });

  it('subtracts a fractional second exactly.', () => {
    const instant = Instant.parse('2026-12-24T00:00:00.3Z').minus(parseDecimal('0.0000001'));
    assert.equal(instant.toString(), '2026-12-24T00:00:00.2999999Z');
  });

  it('subtracts across a year boundary.', () => {
    assert.equal(Instant.parse('2027-01-01T00:30:00Z').minus(parseDecimal('3600')).toString(), '2026-12-31T23:30:00Z');
  });

  it('compares exactly.', () => {
    const earlier = Instant.parse('2026-12-24T00:00:00.1Z');
    const later = Instant.parse('2026-12-24T00:00:00.10000001Z');
    assert.ok(earlier.compare(later) < 0);
    assert.equal(earlier.compare(Instant.parse('2026-12-23T23:00:00.1-01:00')), 0);
  });

  it('rejects text that is no date and a month 13.', () => {
    assert.throws(() => Instant.parse('next week'),
      { message: 'Expected the time as an xsd:dateTime such as 2026-12-24T17:00:00Z, got [next week]' });
    assert.throws(() => Instant.parse('2026-13-01T00:00:00Z', 'due date'),
      { message: 'Expected the due date as an xsd:dateTime such as 2026-12-24T17:00:00Z, got [2026-13-01T00:00:00Z]' });
  });
});
