import assert from 'node:assert/strict';
import { PodLayout, parseEventTime } from '../../src/pod/index.js';

describe('parseEventTime', () => {
  const cases: [string, string][] = [
    ['2026-12-04T10:00:00Z', '2026-12-04T10:00:00.000Z'],
    ['2026-12-04T23:30:00-02:00', '2026-12-05T01:30:00.000Z'],
    ['2026-12-04T10:00:00', '2026-12-04T10:00:00.000Z'],
    ['2026-12-04', '2026-12-04T00:00:00.000Z'],
    ['2026-12-04T00:30:00.250+01:00', '2026-12-03T23:30:00.250Z'],
    ['2019-04-08T10:00:00-5:00', '2019-04-08T15:00:00.000Z'],
  ];
  for (const [text, expected] of cases) {
    it(`reads [${text}] as ${expected}.`, () => {
      assert.equal(parseEventTime(text).toISOString(), expected);
    });
  }

  it('rejects a value that is not a date.', () => {
    assert.throws(() => parseEventTime('04/12/2026'), /got \[04\/12\/2026\]/u);
    assert.throws(() => parseEventTime('2026-13-45'), /valid calendar date/u);
  });

  const invalidDays = ['2026-02-29T10:00:00Z', '2026-02-30T10:00:00Z', '2026-04-31', '2026-11-31T00:00:00Z'];
  for (const text of invalidDays) {
    it(`rejects the day past the month end [${text}].`, () => {
      assert.throws(() => parseEventTime(text),
        new RangeError(`Expected a valid calendar date and time, got [${text}]`));
    });
  }

  it('accepts February 29 of a leap year.', () => {
    assert.equal(parseEventTime('2028-02-29T10:00:00Z').toISOString(), '2028-02-29T10:00:00.000Z');
  });

  for (const text of ['2026-12-04T10:00:00+14:30', '2026-12-04T10:00:00-15:00', '2026-12-04T10:00:00+14:01']) {
    it(`rejects the offset beyond 14:00 [${text}].`, () => {
      assert.throws(() => parseEventTime(text),
        new RangeError(`Expected a time zone offset between -14:00 and +14:00, got [${text}]`));
    });
  }

  it('accepts the offsets -14:00 and +14:00.', () => {
    assert.equal(parseEventTime('2026-12-04T10:00:00+14:00').toISOString(), '2026-12-03T20:00:00.000Z');
    assert.equal(parseEventTime('2026-12-04T10:00:00-14:00').toISOString(), '2026-12-05T00:00:00.000Z');
  });
});

describe('A PodLayout', () => {
  const layout = new PodLayout('http://localhost:3000/alice/');

  it('names the day document by UTC date.', () => {
    assert.equal(layout.eventDocument(new Date('2026-01-02T23:59:59-05:00')),
      'http://localhost:3000/alice/rea/events/2026/01/03.ttl');
  });

  it('sends an undated event to undated.ttl.', () => {
    assert.equal(layout.eventDocument(undefined), 'http://localhost:3000/alice/rea/events/undated.ttl');
  });

  it('rejects a storage URL without a trailing slash.', () => {
    assert.throws(() => new PodLayout('http://localhost:3000/alice'), /ending in a slash, got \[http:\/\/localhost:3000\/alice\]/u);
  });
});
