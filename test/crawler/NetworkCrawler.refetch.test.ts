import assert from 'node:assert/strict';
import { FetchDocumentSource, NetworkCrawler } from '../../src/crawler/index.js';
import { MiniPodServer } from './support/MiniPodServer.js';
import { PREFIXES, workEvent } from './support/networkFixture.js';

describe('A NetworkCrawler refetch', () => {
  let mini: MiniPodServer;
  let source: FetchDocumentSource;
  let crawler: NetworkCrawler;

  before(async () => {
    mini = await MiniPodServer.start(2);
    for (const name of ['one', 'two', 'three']) {
      mini.documents.set(`/data/${name}.ttl`, PREFIXES + workEvent(`${mini.base}data/${name}.ttl#w`, mini.webId, '1'));
    }
    source = new FetchDocumentSource(fetch);
    crawler = new NetworkCrawler({ roots: [mini.webId], fetcher: source });
    await crawler.crawl();
  });

  after(async () => {
    await mini.stop();
  });

  it('downloads only the changed document.', async () => {
    mini.documents.set('/data/one.ttl', PREFIXES + workEvent(`${mini.base}data/one.ttl#w`, mini.webId, '4'));
    const downloads = source.downloads;
    const requests = mini.requests.length;
    const result = await crawler.refetch([`${mini.base}data/one.ttl`]);
    assert.equal(source.downloads - downloads, 1);
    assert.deepEqual(mini.requests.slice(requests), ['/data/one.ttl']);
    const one = result.documents.find((document) => document.source === `${mini.base}data/one.ttl`);
    assert.equal(one?.quads.some((quad) => quad.object.value === '4'), true);
  });

  it('drops a deleted document.', async () => {
    mini.documents.delete('/data/three.ttl');
    const result = await crawler.refetch([`${mini.base}data/three.ttl`]);
    assert.deepEqual(result.documents.map((document) => document.source).sort(),
      [`${mini.base}data/one.ttl`, `${mini.base}data/two.ttl`]);
    assert.deepEqual(result.report.problems, []);
  });

  it('skips a URL outside the registered containers.', async () => {
    const result = await crawler.refetch([`${mini.base}private/secret.ttl`]);
    assert.deepEqual(result.report.problems.map((entry) => entry.message), [
      `Skipped a refetch of [${mini.base}private/secret.ttl], which is outside the registered containers ` +
      `of the pod of [${mini.webId}]`,
    ]);
  });
});
