import assert from 'node:assert/strict';
import { computeRetryDelay, parseRetryAfter } from '../../../src/crawler/http/RetryDelay.js';

describe('The retry delay', () => {
  const settings = { baseMs: 200, maxMs: 5000, random: (): number => 0.25 };

  it('scales the doubling window by the random draw.', () => {
    assert.deepEqual([ 1, 2, 3, 4, 5, 6 ].map((retry) => computeRetryDelay(retry, settings)),
      [ 50, 100, 200, 400, 800, 1250 ]);
  });

  it('uses Retry-After up to the cap.', () => {
    assert.equal(computeRetryDelay(1, settings, 3000), 3000);
    assert.equal(computeRetryDelay(1, settings, 60_000), 5000);
  });

  it('parses Retry-After seconds and HTTP dates.', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    assert.equal(parseRetryAfter('7', now), 7000);
    assert.equal(parseRetryAfter('Fri, 04 Dec 2026 10:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Fri, 04 Dec 2026 09:00:00 GMT', now), 0);
  });

  it('ignores a missing or invalid Retry-After.', () => {
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter('-5'), undefined);
  });
});
