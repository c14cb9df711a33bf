import assert from 'node:assert/strict';
import { OriginLimiter } from '../../../src/crawler/http/OriginLimiter.js';

describe('An OriginLimiter', () => {
  it('lets a waiter in when a slot is released.', async() => {
    const limiter = new OriginLimiter(2);
    const first = await limiter.acquire('http://a');
    await limiter.acquire('http://a');
    let thirdIn = false;
    const third = limiter.acquire('http://a').then((release) => {
      thirdIn = true;
      return release;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(thirdIn, false);
    first();
    await third;
    assert.equal(thirdIn, true);
    assert.equal(limiter.activeCount('http://a'), 2);
  });

  it('counts each origin on its own.', async() => {
    const limiter = new OriginLimiter(1);
    await limiter.acquire('http://a');
    await limiter.acquire('http://b');
    assert.equal(limiter.activeCount('http://a'), 1);
    assert.equal(limiter.activeCount('http://b'), 1);
  });

  it('ignores a second release of the same slot.', async() => {
    const limiter = new OriginLimiter(2);
    const release = await limiter.acquire('http://a');
    await limiter.acquire('http://a');
    release();
    release();
    assert.equal(limiter.activeCount('http://a'), 1);
  });

  it('rejects a limit that is not a positive integer.', () => {
    assert.throws(() => new OriginLimiter(0), /Expected a positive integer for requests per origin, got \[0\]/u);
  });
});
