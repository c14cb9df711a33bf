import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DocumentFetcher, isFetchFailure } from '../../src/crawler/DocumentFetcher.js';
import type { FetchedDocument, FetchFailure } from '../../src/crawler/DocumentFetcher.js';
import { FileDocumentCache, MemoryDocumentCache } from '../../src/crawler/cache/index.js';
import { AddressGuard, createCrawlerFetch } from '../../src/crawler/http/index.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';
import { LocalServer } from './http/LocalServer.js';
import type { LocalHandler } from './http/LocalServer.js';

const TURTLE = '@prefix vf: <https://w3id.org/valueflows/ont/vf#>.\n<#e1> a vf:EconomicEvent.\n';

/** A document served with validators; `bodyBytes` counts the body bytes the server has sent. */
class ServedDocument {
  public body = TURTLE;
  public version = 1;
  public bodyBytes = 0;
  public readonly lastModified = new Date('2026-12-04T10:00:00Z');

  public constructor(private readonly validators: 'etag' | 'lastModified') {}

  public change(body: string): void {
    this.body = body;
    this.version += 1;
    this.lastModified.setTime(this.lastModified.getTime() + 60_000);
  }

  public readonly handle = (request: IncomingMessage, response: ServerResponse): void => {
    const etag = `"${this.version}-text/turtle"`;
    const headers: Record<string, string> = { 'content-type': 'text/turtle' };
    let fresh: boolean;
    if (this.validators === 'etag') {
      headers.etag = etag;
      fresh = request.headers['if-none-match'] === etag;
    } else {
      headers['last-modified'] = this.lastModified.toUTCString();
      const since = Date.parse(request.headers['if-modified-since'] ?? '');
      fresh = !Number.isNaN(since) && since >= this.lastModified.getTime();
    }
    if (fresh) {
      response.writeHead(304, headers).end();
      return;
    }
    this.bodyBytes += Buffer.byteLength(this.body);
    response.writeHead(200, headers).end(this.body);
  };
}

function assertDocument(result: FetchedDocument | FetchFailure): asserts result is FetchedDocument {
  assert.ok(!isFetchFailure(result), `expected a document, got the failure [${JSON.stringify(result)}]`);
}

function assertFailure(result: FetchedDocument | FetchFailure): asserts result is FetchFailure {
  assert.ok(isFetchFailure(result), `expected a failure, got a document with status [${String(result.status)}]`);
}

describe('A DocumentFetcher', () => {
  const servers: LocalServer[] = [];
  let folder: string;

  async function serve(handler: LocalHandler): Promise<LocalServer> {
    const server = await LocalServer.start(handler);
    servers.push(server);
    return server;
  }

  function crawlerFetch(timeoutMs = 5000): typeof fetch {
    return createCrawlerFetch({
      fetch,
      guard: new AddressGuard({ allowLoopback: true, allowPrivate: false }),
      timeoutMs,
      retries: 1,
      sleep: async() => Promise.resolve(),
    });
  }

  function fileFetcher(maxBytes?: number): DocumentFetcher {
    return new DocumentFetcher({ fetch: crawlerFetch(), cache: new FileDocumentCache({ folder }), maxBytes });
  }

  beforeEach(async() => {
    folder = await mkdtemp(join(tmpdir(), 'oce-fetcher-'));
  });

  afterEach(async() => {
    await Promise.all(servers.splice(0).map(async(server) => server.close()));
    await rm(folder, { recursive: true, force: true });
  });

  describe('with ETags', () => {
    let document: ServedDocument;
    let server: LocalServer;
    let url: string;

    beforeEach(async() => {
      document = new ServedDocument('etag');
      server = await serve(document.handle);
      url = `${server.url}rea/events/2026/12/04.ttl`;
    });

    it('downloads first and then returns unchanged without a body transfer.', async() => {
      const fetcher = fileFetcher();
      const first = await fetcher.fetch(`${url}#e1`);
      assertDocument(first);
      assert.equal(first.status, 'downloaded');
      assert.equal(first.url, url);
      assert.equal(first.body, TURTLE);
      assert.equal(first.etag, '"1-text/turtle"');
      assert.equal(first.contentType, 'text/turtle');
      assert.equal(first.bytes, Buffer.byteLength(TURTLE));

      const second = await fetcher.fetch(url);
      assertDocument(second);
      assert.equal(second.status, 'unchanged');
      assert.equal(second.body, TURTLE);
      assert.equal(document.bodyBytes, Buffer.byteLength(TURTLE));
      assert.equal(server.requests[1]?.headers['if-none-match'], '"1-text/turtle"');
      assert.deepEqual(fetcher.counters, {
        requests: 2, downloads: 1, notModified: 1, bytes: Buffer.byteLength(TURTLE), failures: 0,
      });
    });

    it('downloads a changed document again.', async() => {
      const fetcher = fileFetcher();
      await fetcher.fetch(url);
      document.change('<#e2> a <#Event>.\n');
      const result = await fetcher.fetch(url);
      assertDocument(result);
      assert.equal(result.status, 'downloaded');
      assert.equal(result.body, '<#e2> a <#Event>.\n');
      assert.equal(result.etag, '"2-text/turtle"');
      const third = await fetcher.fetch(url);
      assertDocument(third);
      assert.equal(third.status, 'unchanged');
      assert.equal(third.body, '<#e2> a <#Event>.\n');
    });

    it('resumes from the disk cache after a restart.', async() => {
      await fileFetcher().fetch(url);
      const restarted = fileFetcher();
      const result = await restarted.fetch(url);
      assertDocument(result);
      assert.equal(result.status, 'unchanged');
      assert.equal(result.body, TURTLE);
      assert.equal(document.bodyBytes, Buffer.byteLength(TURTLE));
      assert.equal(restarted.counters.downloads, 0);
    });

    it('ignores a corrupt cache file and downloads again.', async() => {
      await fileFetcher().fetch(url);
      const key = createHash('sha256').update(url).digest('hex');
      await writeFile(join(folder, `${key}.json`), '{ not json');
      const result = await fileFetcher().fetch(url);
      assertDocument(result);
      assert.equal(result.status, 'downloaded');
      assert.equal(server.requests[1]?.headers['if-none-match'], undefined);
      const repaired = await fileFetcher().fetch(url);
      assertDocument(repaired);
      assert.equal(repaired.status, 'unchanged');
    });

    it('ignores the cache when asked for an unconditional request.', async() => {
      const fetcher = fileFetcher();
      await fetcher.fetch(url);
      const result = await fetcher.fetch(url, { conditional: false });
      assertDocument(result);
      assert.equal(result.status, 'downloaded');
      assert.equal(document.bodyBytes, 2 * Buffer.byteLength(TURTLE));
    });
  });

  it('sends If-Modified-Since from Last-Modified and returns unchanged on 304.', async() => {
    const document = new ServedDocument('lastModified');
    const server = await serve(document.handle);
    const fetcher = fileFetcher();
    const first = await fetcher.fetch(server.url);
    assertDocument(first);
    assert.equal(first.lastModified, 'Fri, 04 Dec 2026 10:00:00 GMT');
    const second = await fetcher.fetch(server.url);
    assertDocument(second);
    assert.equal(second.status, 'unchanged');
    assert.equal(server.requests[1]?.headers['if-modified-since'], 'Fri, 04 Dec 2026 10:00:00 GMT');
    document.change('changed');
    const third = await fetcher.fetch(server.url);
    assertDocument(third);
    assert.equal(third.status, 'downloaded');
    assert.equal(third.lastModified, 'Fri, 04 Dec 2026 10:01:00 GMT');
  });

  it('returns the Link header, from the cache after a 304.', async() => {
    const next = '<?page=2>; rel="next"';
    const server = await serve((request, response) => {
      if (request.headers['if-none-match'] === '"p1"') {
        response.writeHead(304, { etag: '"p1"' }).end();
      } else {
        response.writeHead(200, { etag: '"p1"', link: next }).end('page 1');
      }
    });
    const fetcher = fileFetcher();
    const first = await fetcher.fetch(server.url);
    assertDocument(first);
    assert.equal(first.link, next);
    const second = await fileFetcher().fetch(server.url);
    assertDocument(second);
    assert.equal(second.status, 'unchanged');
    assert.equal(second.link, next);
  });

  it('keeps the new ETag that a 304 carries.', async() => {
    let etag = '"a"';
    const server = await serve((request, response) => {
      if (request.headers['if-none-match'] === undefined) {
        response.writeHead(200, { etag }).end('body');
      } else {
        etag = '"b"';
        response.writeHead(304, { etag }).end();
      }
    });
    const cache = new MemoryDocumentCache();
    const fetcher = new DocumentFetcher({ fetch: crawlerFetch(), cache });
    await fetcher.fetch(server.url);
    const result = await fetcher.fetch(server.url);
    assertDocument(result);
    assert.equal(result.etag, '"b"');
    assert.equal((await cache.get(server.url))?.etag, '"b"');
  });

  describe('after a 304 to a request without validators', () => {
    it('refetches once unconditionally and returns the download.', async() => {
      const server = await serve((request, response) => {
        const status = server.requests.length === 1 ? 304 : 200;
        response.writeHead(status).end(status === 200 ? 'fresh' : undefined);
      });
      const fetcher = new DocumentFetcher({ fetch: crawlerFetch(), cache: new MemoryDocumentCache() });
      const result = await fetcher.fetch(server.url);
      assertDocument(result);
      assert.equal(result.body, 'fresh');
      assert.equal(server.requests[1]?.headers['cache-control'], 'no-cache');
    });

    it('reports a protocol failure when the server keeps answering 304.', async() => {
      const server = await serve((_request, response) => response.writeHead(304).end());
      const fetcher = new DocumentFetcher({ fetch: crawlerFetch(), cache: new MemoryDocumentCache() });
      const result = await fetcher.fetch(server.url);
      assertFailure(result);
      assert.equal(result.kind, 'protocol');
      assert.equal(result.status, 304);
      assert.equal(result.message, `GET [${server.url}] returned 304 Not Modified to a request without validators`);
      assert.equal(server.requests.length, 2);
      assert.deepEqual(fetcher.counters, { requests: 2, downloads: 0, notModified: 0, bytes: 0, failures: 1 });
    });
  });

  describe('with a size limit', () => {
    it('rejects a Content-Length above the limit before reading the body.', async() => {
      let closed = false;
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'content-length': String(11 * 1024 * 1024) });
        response.write(Buffer.alloc(1024));
        response.on('close', () => {
          closed = true;
        });
      });
      const result = await fileFetcher().fetch(`${server.url}big.ttl`);
      assertFailure(result);
      assert.equal(result.kind, 'tooLarge');
      assert.equal(result.status, 200);
      assert.equal(result.message, `Response from [${server.url}big.ttl] is larger than the limit of [10485760] bytes: ` +
        'its Content-Length is [11534336]');
      await waitFor(() => closed);
    });

    it('stops a chunked body of 50 MiB early and names the limit.', async() => {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const total = 50 * 1024 * 1024;
      let sent = 0;
      let closed = false;
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/turtle' });
        response.on('close', () => {
          closed = true;
        });
        const pump = (): void => {
          while (sent < total && !closed) {
            sent += chunk.byteLength;
            if (!response.write(chunk)) {
              response.once('drain', pump);
              return;
            }
          }
          response.end();
        };
        pump();
      });
      const fetcher = fileFetcher(1024 * 1024);
      const result = await fetcher.fetch(`${server.url}huge.ttl`);
      assertFailure(result);
      assert.equal(result.kind, 'tooLarge');
      assert.equal(result.message, `Response from [${server.url}huge.ttl] is larger than the limit of [1048576] bytes: ` +
        'its body went past that limit');
      await waitFor(() => closed);
      assert.ok(sent < 16 * 1024 * 1024, `the server sent [${sent}] bytes before the connection closed`);
      assert.equal(fetcher.counters.bytes, 0);
    });
  });

  describe('on failures', () => {
    it('reports a 403 as an http failure with the status.', async() => {
      const server = await serve((_request, response) => response.writeHead(403).end('forbidden'));
      const result = await fileFetcher().fetch(server.url);
      assertFailure(result);
      assert.deepEqual(result, {
        url: server.url, status: 403, kind: 'http', message: `GET [${server.url}] returned status [403 Forbidden]`,
      });
    });

    it('reports a redirect to a link-local address as refused.', async() => {
      const server = await serve((_request, response) => {
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      });
      const result = await fileFetcher().fetch(server.url);
      assertFailure(result);
      assert.equal(result.kind, 'refused');
      assert.equal(result.status, 0);
      assert.match(result.message, /address \[169\.254\.169\.254\] is a cloud metadata address/u);
    });

    it('reports a redirect loop as a redirects failure.', async() => {
      const server = await serve((request, response) => {
        response.writeHead(302, { location: request.url === '/a' ? '/b' : '/a' }).end();
      });
      const result = await fileFetcher().fetch(`${server.url}a`);
      assertFailure(result);
      assert.equal(result.kind, 'redirects');
    });

    it('reports a server that never answers as a timeout.', async() => {
      const server = await serve(() => undefined);
      const fetcher = new DocumentFetcher({ fetch: crawlerFetch(100) });
      const result = await fetcher.fetch(server.url);
      assertFailure(result);
      assert.equal(result.kind, 'timeout');
      assert.equal(result.message, `Request to [${server.url}] timed out after [100] ms (2 attempts)`);
    });

    it('reports a body that stalls past the timeout as a timeout.', async() => {
      const server = await serve((_request, response) => {
        response.writeHead(200);
        response.write('partial');
      });
      const fetcher = new DocumentFetcher({ fetch: crawlerFetch(150) });
      const result = await fetcher.fetch(server.url);
      assertFailure(result);
      assert.equal(result.kind, 'timeout');
      assert.equal(result.message, `Request to [${server.url}] timed out after [150] ms (1 attempt)`);
    });

    it('reports a closed port as a network failure.', async() => {
      const server = await serve(() => undefined);
      await server.close();
      servers.pop();
      const result = await new DocumentFetcher({ fetch: crawlerFetch() }).fetch(server.url);
      assertFailure(result);
      assert.equal(result.kind, 'network');
      assert.match(result.message, /^GET \[http:\/\/127\.0\.0\.1:\d+\/\] failed: fetch failed \(connect ECONNREFUSED/u);
    });
  });
});

describe('A DocumentFetcher on a Community Solid Server', () => {
  let member: TestMember;
  let folder: string;

  before(async function() {
    this.timeout(60000);
    member = await createTestMember(await sharedSolidServer(), 'fetchlayer');
    folder = await mkdtemp(join(tmpdir(), 'oce-fetcher-css-'));
  });

  after(async() => {
    await member.session.logout();
    await rm(folder, { recursive: true, force: true });
  });

  it('revalidates a private document with the session fetch.', async() => {
    const url = `${member.account.podUrl}rea/events/2026/12/04.ttl`;
    const put = await member.session.fetch(url, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: TURTLE });
    assert.equal(put.status, 201);
    const crawlerFetch = createCrawlerFetch({
      fetch: member.session.fetch,
      guard: new AddressGuard({ allowLoopback: true, allowPrivate: false }),
    });
    const fetcher = new DocumentFetcher({ fetch: crawlerFetch, cache: new FileDocumentCache({ folder }) });
    const first = await fetcher.fetch(url);
    assertDocument(first);
    assert.equal(first.status, 'downloaded');
    assert.equal(first.body, TURTLE);
    assert.match(first.etag ?? '', /^"\d+-text\/turtle"$/u);
    const second = await fetcher.fetch(url);
    assertDocument(second);
    assert.equal(second.status, 'unchanged');
    assert.deepEqual(fetcher.counters, {
      requests: 2, downloads: 1, notModified: 1, bytes: Buffer.byteLength(TURTLE), failures: 0,
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) {
      throw new Error('condition not met within 5000 ms');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
