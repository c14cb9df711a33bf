import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AddressGuard, createCrawlerFetch, createCrawlerFetchCounters, DocumentFetcher, FileDocumentCache,
  NetworkCrawler } from '../../src/crawler/index.js';
import type { CrawlerFetchCounters } from '../../src/crawler/index.js';
import { MiniPodServer } from './support/MiniPodServer.js';
import { PREFIXES, workEvent } from './support/networkFixture.js';

/**
 * Builds the fetch layer over a disk cache in `folder`, with loopback allowed and no backoff wait.
 * Every URL the inner fetch is asked for goes into `reached`.
 */
function fetcherFor(folder: string, counters: CrawlerFetchCounters, reached: string[] = []): DocumentFetcher {
  const inner: typeof fetch = async (input, init) => {
    reached.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  const crawlerFetch = createCrawlerFetch({
    fetch: inner, guard: new AddressGuard({ allowLoopback: true, allowPrivate: false }),
    sleep: async () => Promise.resolve(), counters,
  });
  return new DocumentFetcher({ fetch: crawlerFetch, cache: new FileDocumentCache({ folder }) });
}

describe('A NetworkCrawler over the fetch layer', () => {
  let mini: MiniPodServer;
  let folder: string;

  before(async () => {
    mini = await MiniPodServer.start(2);
    for (const name of ['one', 'two', 'three']) {
      mini.documents.set(`/data/${name}.ttl`, PREFIXES + workEvent(`${mini.base}data/${name}.ttl#w`, mini.webId, '1'));
    }
    folder = await mkdtemp(path.join(tmpdir(), 'oce-crawl-cache-'));
  });

  after(async () => {
    await mini.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('loads a document after a 500 by retrying.', async () => {
    mini.failFirst.add('/data/two.ttl');
    const counters = createCrawlerFetchCounters();
    const result = await new NetworkCrawler({ roots: [mini.webId], fetcher: fetcherFor(folder, counters) }).crawl();
    const pod = result.report.pods[0]!;
    assert.equal(counters.retries, 1);
    assert.deepEqual([pod.seen, pod.loaded, pod.downloaded, pod.failed], [3, 3, 3, 0]);
    assert.deepEqual(pod.errors, []);
  });

  it('makes only conditional requests after a restart.', async () => {
    const fetcher = fetcherFor(folder, createCrawlerFetchCounters());
    const result = await new NetworkCrawler({ roots: [mini.webId], fetcher }).crawl();
    const pod = result.report.pods[0]!;
    assert.equal(fetcher.counters.downloads, 0);
    assert.equal(fetcher.counters.notModified, fetcher.counters.requests);
    assert.deepEqual([pod.seen, pod.loaded, pod.downloaded, pod.unchanged], [3, 3, 0, 3]);
    assert.equal(result.documents.length, 3);
  });

  it('refuses a redirect to a link-local address and loads the rest of the pod.', async () => {
    const pod = await MiniPodServer.start(10);
    const cacheFolder = await mkdtemp(path.join(tmpdir(), 'oce-crawl-guard-'));
    try {
      pod.documents.set('/data/good.ttl', PREFIXES + workEvent(`${pod.base}data/good.ttl#w`, pod.webId, '2'));
      pod.redirects.set('/data/meta.ttl', 'http://169.254.169.254/latest/meta-data/');
      pod.redirects.set('/data/loop.ttl', `${pod.base}data/loop.ttl`);
      const reached: string[] = [];
      const fetcher = fetcherFor(cacheFolder, createCrawlerFetchCounters(), reached);
      const result = await new NetworkCrawler({ roots: [pod.webId], fetcher }).crawl();
      const report = result.report.pods[0]!;

      assert.deepEqual(reached.filter((url) => url.includes('169.254')), []);
      assert.deepEqual([report.seen, report.loaded, report.failed], [3, 1, 2]);
      assert.deepEqual(report.errors.map((error) => [error.url, error.kind]), [
        [`${pod.base}data/loop.ttl`, 'redirects'],
        [`${pod.base}data/meta.ttl`, 'refused'],
      ]);
      assert.deepEqual(result.documents.map((document) => document.source), [`${pod.base}data/good.ttl`]);
      assert.deepEqual(report.errors.map((error) => error.message), [
        `Request to [${pod.base}data/loop.ttl] was redirected in a loop: [${pod.base}data/loop.ttl -> ${pod.base}data/loop.ttl]`,
        'Request to [http://169.254.169.254/latest/meta-data/] rejected: address [169.254.169.254] is a cloud metadata address',
      ]);
    } finally {
      await pod.stop();
      await rm(cacheFolder, { recursive: true, force: true });
    }
  });
});
