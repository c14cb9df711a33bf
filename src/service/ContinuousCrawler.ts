import type { NetworkCrawlResult, PodState } from '../crawler/index.js';
import type { ResourceNotification, SubscriptionStatus } from '../crawler/notifications/index.js';
import { GroupedLogger, getLogger } from '../util/index.js';
import { subscriptionTopics } from './subscriptionTopics.js';

const logger = getLogger('ContinuousCrawler');

/** The crawl that runs continuously; `NetworkCrawler` is the implementation. */
export interface RepeatableCrawl {
  crawl: () => Promise<NetworkCrawlResult>;
  refetch: (urls: string[]) => Promise<NetworkCrawlResult>;
  state: { all: () => PodState[] };
}

/** Subscriptions to change notifications; `NotificationSubscriber` is the implementation. */
export interface TopicSubscriber {
  subscribe: (topic: string) => Promise<SubscriptionStatus>;
  statuses: () => SubscriptionStatus[];
  stop: () => Promise<void>;
}

/** Receivers the subscriber calls; the continuous crawler supplies them. */
export interface NotificationHandlers {
  onNotification: (notification: ResourceNotification) => void;
  onReconnect: (topic: string) => void;
}

/** Options of {@link ContinuousCrawler}. */
export interface ContinuousCrawlerOptions {
  crawl: RepeatableCrawl;
  /** Creates the notification subscriber; absent when notifications are turned off. */
  createSubscriber?: (handlers: NotificationHandlers) => TopicSubscriber;
  /** Time between two full crawls in milliseconds, the fallback for changes without a notification. */
  pollIntervalMs: number;
  /** Topics subscribed per pod at most. */
  maxSubscriptionsPerPod: number;
  /** Time to collect notifications before refetching their documents together, in milliseconds; default 200. */
  batchMs?: number;
  /** Receives the result of every crawl and refetch; the next crawl waits until it settles. */
  onResult: (result: NetworkCrawlResult) => void | Promise<void>;
}

/**
 * Keeps the network view current for `oce serve`: a first full crawl, then notifications that
 * refetch just the documents they name, and a full crawl every poll interval (cheap with
 * conditional requests) for servers without notifications and changes no notification
 * announced. Crawls and refetches run one at a time. {@link stop} waits for the running one and
 * clears every timer and socket.
 */
export class ContinuousCrawler {
  private subscriber?: TopicSubscriber;
  private work: Promise<void> = Promise.resolve();
  private pollTimer?: NodeJS.Timeout;
  private batchTimer?: NodeJS.Timeout;
  private readonly pending = new Set<string>();
  private readonly grouped = new GroupedLogger(logger);
  private stopped = false;

  public constructor(private readonly options: ContinuousCrawlerOptions) {}

  /** Runs the first crawl, subscribes to the pods' topics and starts the poll timer; returns the first result. */
  public async start(): Promise<NetworkCrawlResult> {
    const result = await this.options.crawl.crawl();
    await this.options.onResult(result);
    this.subscriber = this.options.createSubscriber?.({
      onNotification: (notification) => this.notified(notification),
      onReconnect: (topic) => this.enqueue(`a reconnection on [${topic}]`, async () => this.fullCrawl()),
    });
    await this.subscribeTopics();
    this.schedulePoll();
    return result;
  }

  /** Returns the notification status of every subscribed topic; empty when notifications are off. */
  public subscriptions(): SubscriptionStatus[] {
    return this.subscriber?.statuses() ?? [];
  }

  /** Resolves once the crawls and refetches queued so far have finished. */
  public async idle(): Promise<void> {
    await this.work;
  }

  /** Stops the timers, waits for the running crawl and closes the notification channels. */
  public async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    clearTimeout(this.batchTimer);
    this.pending.clear();
    await this.work;
    await this.subscriber?.stop();
    this.grouped.flush();
  }

  private notified(notification: ResourceNotification): void {
    if (this.stopped) {
      return;
    }
    // Add and Remove change a container's listing; the other types change the object itself.
    const changed = (notification.type === 'Add' || notification.type === 'Remove')
      ? notification.target ?? notification.topic
      : notification.object;
    logger.debug({ ...notification, refetch: changed }, 'Notification received');
    this.pending.add(changed);
    if (this.batchTimer === undefined) {
      this.batchTimer = setTimeout(() => this.refetchPending(), this.options.batchMs ?? 200);
    }
  }

  private refetchPending(): void {
    this.batchTimer = undefined;
    const urls = [...this.pending].sort();
    this.pending.clear();
    this.enqueue(`notifications on [${urls.join(', ')}]`, async () => {
      const result = await this.options.crawl.refetch(urls);
      logger.info({ urls, problems: result.problems.length }, 'Refetched documents after notifications');
      await this.options.onResult(result);
      await this.subscribeTopics();
    });
  }

  private schedulePoll(): void {
    if (this.stopped) {
      return;
    }
    this.pollTimer = setTimeout(() => {
      this.enqueue('the poll interval', async () => this.fullCrawl());
      this.schedulePoll();
    }, this.options.pollIntervalMs);
  }

  private async fullCrawl(): Promise<void> {
    const result = await this.options.crawl.crawl();
    await this.options.onResult(result);
    await this.subscribeTopics();
  }

  /** Queues work after the running crawl; a failure is logged and the queue goes on. */
  private enqueue(cause: string, task: () => Promise<void>): void {
    this.work = this.work.then(async () => {
      if (this.stopped) {
        return;
      }
      try {
        await task();
      } catch (error: unknown) {
        this.grouped.error({ cause, err: error instanceof Error ? error.message : String(error) },
          'A crawl of the running service failed; the previous figures stay');
      }
    });
  }

  /** Subscribes to the topics of every pod that are not subscribed yet. */
  private async subscribeTopics(): Promise<void> {
    const subscriber = this.subscriber;
    if (subscriber === undefined) {
      return;
    }
    const known = new Set(subscriber.statuses().map((status) => status.topic));
    for (const pod of this.options.crawl.state.all()) {
      const topics = subscriptionTopics(pod, this.options.maxSubscriptionsPerPod).filter((topic) => !known.has(topic));
      const statuses = [];
      for (const topic of topics) {
        if (this.stopped) {
          return;
        }
        statuses.push(await subscriber.subscribe(topic));
      }
      const unavailable = statuses.filter((status) => status.state === 'unavailable');
      if (unavailable.length > 0) {
        this.grouped.info({ webId: pod.webId, topics: unavailable.length, reason: unavailable[0]?.reason },
          'Notifications unavailable for a pod; its changes arrive with the next poll');
      }
    }
  }
}
