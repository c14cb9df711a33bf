import assert from 'node:assert/strict';
import type { NetworkCrawlResult, PodState } from '../../src/crawler/index.js';
import type { SubscriptionStatus } from '../../src/crawler/notifications/index.js';
import { ContinuousCrawler } from '../../src/service/index.js';
import type { NotificationHandlers, RepeatableCrawl, TopicSubscriber } from '../../src/service/index.js';

const POD = 'https://ada.example/';
const EVENTS = `${POD}rea/events/`;

/** A crawl that records its calls and returns results numbered by call. */
class RecordingCrawl implements RepeatableCrawl {
  public readonly calls: string[] = [];
  public failNext = false;
  public readonly state = {
    all: (): PodState[] => [{
      webId: `${POD}profile/card#me`, storage: POD, containers: [EVENTS],
      documents: new Map([[`${EVENTS}a.ttl`, { source: `${EVENTS}a.ttl`, quads: [], problems: [], loadedAt: '' }]]),
      profile: [], lastCompleteAt: null, stale: null,
    }],
  };

  public async crawl(): Promise<NetworkCrawlResult> {
    return this.record('crawl');
  }

  public async refetch(urls: string[]): Promise<NetworkCrawlResult> {
    return this.record(`refetch ${urls.join(' ')}`);
  }

  private async record(call: string): Promise<NetworkCrawlResult> {
    this.calls.push(call);
    await Promise.resolve();
    if (this.failNext) {
      this.failNext = false;
      throw new Error('The pod answered 500');
    }
    return { crawledAt: `call ${this.calls.length}`, problems: [] } as unknown as NetworkCrawlResult;
  }
}

/** A subscriber that records topics and lets the test send notifications. */
class RecordingSubscriber implements TopicSubscriber {
  public readonly topics: string[] = [];
  public stopped = false;

  public constructor(public readonly handlers: NotificationHandlers, private readonly available: boolean) {}

  public async subscribe(topic: string): Promise<SubscriptionStatus> {
    this.topics.push(topic);
    await Promise.resolve();
    return this.available
      ? { topic, state: 'subscribed', channel: `${topic}#channel`, receiveFrom: 'ws://ada.example/' }
      : { topic, state: 'unavailable', reason: 'no storage description link' };
  }

  public statuses(): SubscriptionStatus[] {
    return this.topics.map((topic) => ({ topic, state: 'subscribed', channel: '', receiveFrom: '' }));
  }

  public async stop(): Promise<void> {
    await Promise.resolve();
    this.stopped = true;
  }
}

function setUp(options: { available?: boolean; pollIntervalMs?: number } = {}): {
  crawl: RecordingCrawl; continuous: ContinuousCrawler; results: string[]; subscriber: () => RecordingSubscriber;
} {
  const crawl = new RecordingCrawl();
  const results: string[] = [];
  let created: RecordingSubscriber | undefined;
  const continuous = new ContinuousCrawler({
    crawl,
    createSubscriber: (handlers) => {
      created = new RecordingSubscriber(handlers, options.available ?? true);
      return created;
    },
    pollIntervalMs: options.pollIntervalMs ?? 3_600_000,
    maxSubscriptionsPerPod: 10,
    batchMs: 10,
    onResult: (result) => {
      results.push(result.crawledAt);
    },
  });
  return { crawl, continuous, results, subscriber: () => created! };
}

async function settle(continuous: ContinuousCrawler, ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await continuous.idle();
}

describe('A ContinuousCrawler', () => {
  it('crawls first, then subscribes to the container and its documents.', async () => {
    const { crawl, continuous, results, subscriber } = setUp();
    await continuous.start();
    assert.deepEqual(crawl.calls, ['crawl']);
    assert.deepEqual(results, ['call 1']);
    assert.deepEqual(subscriber().topics, [EVENTS, `${EVENTS}a.ttl`]);
    await continuous.stop();
    assert.equal(subscriber().stopped, true);
  });

  it('refetches the container on Add and the object on Update, in one batch.', async () => {
    const { crawl, continuous, results, subscriber } = setUp();
    await continuous.start();
    subscriber().handlers.onNotification({ topic: EVENTS, type: 'Add', object: `${EVENTS}b.ttl`, target: EVENTS });
    subscriber().handlers.onNotification({ topic: `${EVENTS}a.ttl`, type: 'Update', object: `${EVENTS}a.ttl` });
    await settle(continuous, 50);
    assert.deepEqual(crawl.calls, ['crawl', `refetch ${EVENTS} ${EVENTS}a.ttl`]);
    assert.deepEqual(results, ['call 1', 'call 2']);
    await continuous.stop();
  });

  it('recrawls after a reconnection.', async () => {
    const { crawl, continuous, subscriber } = setUp();
    await continuous.start();
    subscriber().handlers.onReconnect(EVENTS);
    await continuous.idle();
    assert.deepEqual(crawl.calls, ['crawl', 'crawl']);
    await continuous.stop();
  });

  it('polls on the interval and keeps going after a failed crawl.', async () => {
    const { crawl, continuous, results } = setUp({ pollIntervalMs: 20 });
    await continuous.start();
    crawl.failNext = true;
    const deadline = Date.now() + 5000;
    while (crawl.calls.length < 3 && Date.now() < deadline) {
      await settle(continuous, 10);
    }
    await continuous.stop();
    assert.deepEqual(crawl.calls.slice(0, 3), ['crawl', 'crawl', 'crawl']);
    assert.equal(results.length, crawl.calls.length - 1);
  });

  it('does nothing once stopped.', async () => {
    const { crawl, continuous, subscriber } = setUp({ pollIntervalMs: 10 });
    await continuous.start();
    await continuous.stop();
    subscriber().handlers.onNotification({ topic: EVENTS, type: 'Delete', object: `${EVENTS}a.ttl` });
    await settle(continuous, 40);
    assert.deepEqual(crawl.calls, ['crawl']);
  });

  it('crawls without a subscriber when notifications are off.', async () => {
    const crawl = new RecordingCrawl();
    const continuous = new ContinuousCrawler({
      crawl, pollIntervalMs: 3_600_000, maxSubscriptionsPerPod: 10, onResult: () => undefined,
    });
    await continuous.start();
    assert.deepEqual(continuous.subscriptions(), []);
    await continuous.stop();
    assert.deepEqual(crawl.calls, ['crawl']);
  });
});
