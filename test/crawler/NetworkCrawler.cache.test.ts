import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AddressGuard, createCrawlerFetch, createCrawlerFetchCounters, DocumentFetcher, FileDocumentCache,
  NetworkCrawler } from '../../src/crawler/index.js';
import type { CrawlerFetchCounters } from '../../src/crawler/index.js';
import { MiniPodServer } from './support/MiniPodServer.js';
import { PREFIXES, workEvent } from './support/networkFixture.js';

/** Builds the fetch layer over a disk cache in `folder`, with loopback allowed and no backoff wait. */
function fetcherFor(folder: string, counters: CrawlerFetchCounters): DocumentFetcher {
  const crawlerFetch = createCrawlerFetch({
    fetch, guard: new AddressGuard({ allowLoopback: true, allowPrivate: false }),
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
});
