import assert from 'node:assert/strict';
import { DpopReplayCache } from '../../../src/service/index.js';

describe('A DpopReplayCache', () => {
  it('rejects a jti claimed twice while kept.', () => {
    const cache = new DpopReplayCache(10, () => 1_000);
    assert.equal(cache.claim('a', 2_000), true);
    assert.equal(cache.claim('a', 2_000), false);
    assert.equal(cache.claim('b', 2_000), true);
  });

  it('accepts a jti again once it expired.', () => {
    let clock = 1_000;
    const cache = new DpopReplayCache(10, () => clock);
    cache.claim('a', 2_000);
    clock = 2_000;
    assert.equal(cache.claim('a', 3_000), true);
  });

  it('prunes expired values when claiming.', () => {
    let clock = 1_000;
    const cache = new DpopReplayCache(10, () => clock);
    cache.claim('a', 1_500);
    cache.claim('b', 1_500);
    clock = 1_600;
    cache.claim('c', 2_000);
    assert.equal(cache.size, 1);
  });

  it('drops the oldest value beyond its maximum size.', () => {
    const cache = new DpopReplayCache(2, () => 1_000);
    cache.claim('a', 2_000);
    cache.claim('b', 2_000);
    cache.claim('c', 2_000);
    assert.equal(cache.size, 2);
    assert.equal(cache.claim('a', 2_000), true);
    assert.equal(cache.claim('c', 2_000), false);
  });
});
