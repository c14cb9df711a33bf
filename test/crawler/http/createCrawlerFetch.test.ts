import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { pino } from 'pino';
import {
  AddressGuard, AddressRefusedError, FetchTimeoutError, RedirectLoopError, TooManyRedirectsError,
  createCrawlerFetch, createCrawlerFetchCounters,
} from '../../../src/crawler/http/index.js';
import type { CrawlerFetchOptions, HostResolver } from '../../../src/crawler/http/index.js';
import { LocalServer } from './LocalServer.js';
import type { LocalHandler } from './LocalServer.js';

/** Creates a fetch that records every requested URL and then calls the global fetch. */
function recordingFetch(): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const recorder = async(input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    urls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  return { fetch: recorder, urls };
}

function redirect(response: ServerResponse, status: number, location: string): void {
  response.writeHead(status, { location }).end();
}

describe('A crawler fetch', () => {
  const servers: LocalServer[] = [];
  const sleeps: number[] = [];
  let resolved: string[];
  let inner: { fetch: typeof fetch; urls: string[] };

  async function serve(handler: LocalHandler): Promise<LocalServer> {
    const server = await LocalServer.start(handler);
    servers.push(server);
    return server;
  }

  /** Resolves every name to 10.0.0.5 and records it; the tests use no other names. */
  const resolver: HostResolver = async(hostname) => {
    resolved.push(hostname);
    return Promise.resolve([ '10.0.0.5' ]);
  };

  function crawlerFetch(options: Partial<CrawlerFetchOptions> = {}): typeof fetch {
    return createCrawlerFetch({
      fetch: inner.fetch,
      guard: new AddressGuard({ allowLoopback: true, allowPrivate: false }, resolver),
      sleep: async(ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
      ...options,
    });
  }

  beforeEach(() => {
    sleeps.length = 0;
    resolved = [];
    inner = recordingFetch();
  });

  afterEach(async() => {
    await Promise.all(servers.splice(0).map(async(server) => server.close()));
  });

  describe('following redirects', () => {
    it('rejects a redirect to a link-local address without requesting it.', async() => {
      const target = 'http://169.254.169.254/latest/meta-data/';
      const server = await serve((_request, response) => redirect(response, 302, target));
      const error = await crawlerFetch()(`${server.url}doc`).catch((caught: unknown) => caught);
      assert.ok(error instanceof AddressRefusedError);
      assert.equal(error.url, target);
      assert.equal(error.reason, 'a cloud metadata address');
      assert.deepEqual(inner.urls, [ `${server.url}doc` ]);
    });

    it('rejects a redirect to a name that resolves to a private address.', async() => {
      const server = await serve((_request, response) => redirect(response, 301, 'http://pods.internal.test:8080/a'));
      const error = await crawlerFetch()(`${server.url}doc`).catch((caught: unknown) => caught);
      assert.ok(error instanceof AddressRefusedError);
      assert.equal(error.address, '10.0.0.5');
      assert.deepEqual(resolved, [ 'pods.internal.test' ]);
      assert.deepEqual(inner.urls, [ `${server.url}doc` ]);
    });

    it('follows a relative Location to the final document.', async() => {
      const server = await serve((request, response) => {
        if (request.url === '/old/doc') {
          redirect(response, 308, '../new/doc');
        } else {
          response.writeHead(200, { 'content-type': 'text/turtle' }).end('<#a> <#b> <#c>.');
        }
      });
      const response = await crawlerFetch()(`${server.url}old/doc`);
      assert.equal(response.status, 200);
      assert.equal(await response.text(), '<#a> <#b> <#c>.');
      assert.equal(response.url, `${server.url}new/doc`);
      assert.deepEqual(server.paths(), [ '/old/doc', '/new/doc' ]);
    });

    it('turns a 303 after a POST into a GET without body.', async() => {
      const server = await serve((request, response) => {
        if (request.url === '/form') {
          redirect(response, 303, '/result');
        } else {
          response.writeHead(200).end(request.method);
        }
      });
      const response = await crawlerFetch()(`${server.url}form`, { method: 'POST', body: 'x=1' });
      assert.equal(await response.text(), 'GET');
    });

    it('throws a RedirectLoopError for A to B to A.', async() => {
      const server = await serve((request, response) => redirect(response, 302, request.url === '/a' ? '/b' : '/a'));
      const error = await crawlerFetch()(`${server.url}a`).catch((caught: unknown) => caught);
      assert.ok(error instanceof RedirectLoopError);
      assert.deepEqual(error.chain, [ `${server.url}a`, `${server.url}b`, `${server.url}a` ]);
      assert.match(error.message, /^Request to \[http:\/\/127\.0\.0\.1:\d+\/a\] was redirected in a loop/u);
      assert.deepEqual(server.paths(), [ '/a', '/b' ]);
    });

    it('throws a TooManyRedirectsError past the maximum.', async() => {
      const server = await serve((request, response) => {
        const step = Number(request.url?.slice(1));
        redirect(response, 307, `/${step + 1}`);
      });
      const error = await crawlerFetch({ maxRedirects: 3 })(`${server.url}0`).catch((caught: unknown) => caught);
      assert.ok(error instanceof TooManyRedirectsError);
      assert.equal(error.maxRedirects, 3);
      assert.deepEqual(server.paths(), [ '/0', '/1', '/2', '/3' ]);
      assert.match(error.message, /was redirected more than \[3\] times/u);
    });

    it('returns the redirect itself when the caller asks for manual redirects.', async() => {
      const server = await serve((_request, response) => redirect(response, 302, 'http://169.254.169.254/'));
      const response = await crawlerFetch()(server.url, { redirect: 'manual' });
      assert.equal(response.status, 302);
      assert.equal(response.headers.get('location'), 'http://169.254.169.254/');
      assert.deepEqual(inner.urls, [ server.url ]);
    });
  });

  describe('retrying', () => {
    it('retries a 500 once with a jittered delay and returns the 200.', async() => {
      let count = 0;
      const server = await serve((_request, response) => {
        count += 1;
        response.writeHead(count === 1 ? 500 : 200).end(count === 1 ? 'failed' : 'ok');
      });
      const counters = createCrawlerFetchCounters();
      const response = await crawlerFetch({ counters })(server.url);
      assert.equal(response.status, 200);
      assert.equal(await response.text(), 'ok');
      assert.equal(count, 2);
      assert.deepEqual(sleeps, [ 100 ]);
      assert.deepEqual(counters, { attempts: 2, retries: 1, redirects: 0, refused: 0, timeouts: 0 });
    });

    it('logs each retry at warn with the URL, attempt and reason.', async() => {
      const lines: Record<string, unknown>[] = [];
      const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
      let count = 0;
      const server = await serve((_request, response) => {
        count += 1;
        response.writeHead(count === 1 ? 503 : 200).end();
      });
      await (await crawlerFetch({ logger })(`${server.url}doc`)).text();
      assert.equal(lines.length, 1);
      assert.equal(lines[0]?.msg, 'Retrying request');
      assert.equal(lines[0]?.url, `${server.url}doc`);
      assert.equal(lines[0]?.attempt, 1);
      assert.equal(lines[0]?.reason, 'status 503');
      assert.equal(lines[0]?.delayMs, 100);
    });

    it('draws each delay from the doubling, capped window.', async() => {
      const server = await serve((_request, response) => response.writeHead(502).end());
      const response = await crawlerFetch({ retries: 5, retryBaseMs: 200, retryMaxMs: 1000, random: () => 0.999 })(
        server.url,
      );
      assert.equal(response.status, 502);
      assert.deepEqual(sleeps, [ 199, 399, 799, 999, 999 ]);
      assert.equal(server.requests.length, 6);
    });

    it('waits for the seconds of Retry-After, up to the cap.', async() => {
      const retryAfter = [ '2', '600' ];
      const server = await serve((_request, response) => {
        const value = retryAfter.shift();
        if (value === undefined) {
          response.writeHead(200).end('ok');
        } else {
          response.writeHead(503, { 'retry-after': value }).end();
        }
      });
      const response = await crawlerFetch()(server.url);
      assert.equal(response.status, 200);
      assert.deepEqual(sleeps, [ 2000, 5000 ]);
    });

    it('does not retry a 404.', async() => {
      const server = await serve((_request, response) => response.writeHead(404).end());
      const response = await crawlerFetch()(server.url);
      assert.equal(response.status, 404);
      assert.equal(server.requests.length, 1);
      assert.deepEqual(sleeps, []);
    });

    it('does not retry a POST that failed with 500.', async() => {
      const server = await serve((_request, response) => response.writeHead(500).end());
      const response = await crawlerFetch()(server.url, { method: 'POST', body: '{}' });
      assert.equal(response.status, 500);
      assert.equal(server.requests.length, 1);
    });

    it('times out after every retry.', async() => {
      const server = await serve(() => undefined);
      const counters = createCrawlerFetchCounters();
      const error = await crawlerFetch({ timeoutMs: 100, retries: 2, counters })(`${server.url}slow`)
        .catch((caught: unknown) => caught);
      assert.ok(error instanceof FetchTimeoutError);
      assert.equal(error.message, `Request to [${server.url}slow] timed out after [100] ms (3 attempts)`);
      assert.equal(server.requests.length, 3);
      assert.deepEqual(sleeps, [ 100, 200 ]);
      assert.equal(counters.timeouts, 3);
    });

    it('retries a refused connection once.', async() => {
      const server = await serve(() => undefined);
      const url = server.url;
      await server.close();
      servers.pop();
      await assert.rejects(crawlerFetch({ retries: 1 })(url), TypeError);
      assert.deepEqual(sleeps, [ 100 ]);
    });

    it('stops at once when the caller aborts.', async() => {
      const server = await serve(() => undefined);
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('stopped by the caller')), 50);
      await assert.rejects(crawlerFetch({ timeoutMs: 5000 })(server.url, { signal: controller.signal }),
        /stopped by the caller/u);
      assert.deepEqual(sleeps, []);
    });
  });

  describe('limiting concurrency', () => {
    it('limits requests in flight per origin.', async() => {
      let active = 0;
      let maxActive = 0;
      const server = await serve((_request, response) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        response.on('close', () => {
          active -= 1;
        });
        setTimeout(() => response.writeHead(200).end('slow'), 40);
      });
      const limited = crawlerFetch({ maxConcurrentPerOrigin: 3 });
      const bodies = await Promise.all(
        Array.from({ length: 10 }, async(_unused, index) => (await limited(`${server.url}${index}`)).text()),
      );
      assert.equal(bodies.length, 10);
      assert.ok(bodies.every((body) => body === 'slow'));
      assert.equal(maxActive, 3);
      assert.equal(server.requests.length, 10);
    });

    it('holds the slot until the body has been read.', async() => {
      const server = await serve((request, response) => {
        response.writeHead(200);
        response.write('start ');
        if (request.url === '/first') {
          setTimeout(() => response.end('end'), 150);
        } else {
          response.end('end');
        }
      });
      const limited = crawlerFetch({ maxConcurrentPerOrigin: 1 });
      const first = await limited(`${server.url}first`);
      const second = limited(`${server.url}second`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(server.paths(), [ '/first' ]);
      assert.equal(await first.text(), 'start end');
      assert.equal(await (await second).text(), 'start end');
      assert.deepEqual(server.paths(), [ '/first', '/second' ]);
    });
  });
});
