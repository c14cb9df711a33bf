import assert from 'node:assert/strict';
import { NetworkCrawler } from '../../src/crawler/index.js';
import { MiniPodServer } from './support/MiniPodServer.js';
import { PREFIXES, workEvent } from './support/networkFixture.js';

describe('A PodCrawler with bounds', () => {
  let mini: MiniPodServer;

  before(async () => {
    mini = await MiniPodServer.start(2);
    for (const name of ['a', 'b', 'c']) {
      mini.documents.set(`/data/${name}.ttl`, PREFIXES + workEvent(`${mini.base}data/${name}.ttl#w`, mini.webId, '1'));
    }
    mini.documents.set('/data/deeper/d.ttl', PREFIXES + workEvent(`${mini.base}data/deeper/d.ttl#w`, mini.webId, '1'));
  });

  after(async () => {
    await mini.stop();
  });

  it('reports the document bound and loads up to it.', async () => {
    const result = await new NetworkCrawler({ roots: [mini.webId], fetcher: fetch, maxDocumentsPerPod: 2 }).crawl();
    const pod = result.report.pods[0]!;
    assert.deepEqual([pod.seen, pod.loaded, pod.complete], [2, 2, false]);
    assert.deepEqual(pod.errors, [{ url: mini.webId, status: 0, kind: 'bound',
      message: 'The crawl of the pod stopped listing after [2] documents, the limit per pod' }]);
  });

  it('reports a container deeper than the depth bound.', async () => {
    const result = await new NetworkCrawler({ roots: [mini.webId], fetcher: fetch, maxContainerDepth: 0 }).crawl();
    const pod = result.report.pods[0]!;
    assert.deepEqual([pod.seen, pod.loaded], [3, 3]);
    assert.deepEqual(pod.errors, [{ url: `${mini.base}data/deeper/`, status: 0, kind: 'bound',
      message: 'Skipped a container deeper than the limit of [0] levels below its registered container' }]);
  });

  it('reports the time bound once.', async () => {
    let tick = 0;
    const clock = (): Date => new Date(Date.UTC(2026, 11, 10) + (tick++) * 1000);
    const result = await new NetworkCrawler({ roots: [mini.webId], fetcher: fetch, maxPodMs: 3500, clock }).crawl();
    const pod = result.report.pods[0]!;
    const bounds = pod.errors.filter((error) => error.kind === 'bound');
    assert.deepEqual(bounds, [{ url: mini.webId, status: 0, kind: 'bound',
      message: 'The crawl of the pod stopped after the time limit of [3500] ms' }]);
    assert.equal(pod.complete, false);
    assert.equal(pod.seen, pod.loaded + pod.rejected + pod.failed);
  });
});
