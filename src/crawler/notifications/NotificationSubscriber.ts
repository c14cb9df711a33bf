import WebSocket from 'ws';
import { GroupedLogger, getLogger } from '../../util/index.js';
import { parseNotification } from './ResourceNotification.js';
import type { ResourceNotification } from './ResourceNotification.js';
import { SubscriptionServiceFinder, WEB_SOCKET_CHANNEL_2023 } from './SubscriptionServiceFinder.js';
import type { UrlCheck } from './SubscriptionServiceFinder.js';

const logger = getLogger('NotificationSubscriber');

/** Options of {@link NotificationSubscriber}. */
export interface NotificationSubscriberOptions {
  /** Authenticated fetch of the aggregator, used for discovery and subscription requests. */
  fetch: typeof fetch;
  /** Checks every URL before a request or a WebSocket connection; the crawler's `AddressGuard` fits. */
  guard: UrlCheck;
  /** Receives every parsed notification. */
  onNotification: (notification: ResourceNotification) => void;
  /**
   * Called after a dropped socket was connected again. Changes made while it was down were not
   * announced, so the caller should recrawl the topic.
   */
  onReconnect?: (topic: string) => void;
  /** Delay before the first reconnection in milliseconds, doubled per failed attempt; default 1000. */
  reconnectBaseMs?: number;
  /** Maximum delay between reconnection attempts in milliseconds; default 60000. */
  reconnectMaxMs?: number;
  /** Time allowed for the WebSocket opening handshake in milliseconds; default 10000. */
  handshakeTimeoutMs?: number;
  /** Returns a number in [0, 1) for the reconnection jitter; default `Math.random`. */
  random?: () => number;
}

/** State of the subscription to one topic. */
export type SubscriptionStatus =
  | { topic: string; state: 'subscribed'; channel: string; receiveFrom: string }
  | { topic: string; state: 'reconnecting'; reason: string; attempt: number }
  | { topic: string; state: 'unavailable'; reason: string };

interface Subscription {
  topic: string;
  channel?: string;
  socket?: WebSocket;
  timer?: NodeJS.Timeout;
  status: SubscriptionStatus;
  attempt: number;
}

/**
 * Subscribes to Solid Notifications (WebSocketChannel2023) on containers, so that a changed
 * document can be refetched without a full crawl. Discovery goes through the storage
 * description, the subscription is a JSON-LD POST with the aggregator's fetch, and each channel
 * is a WebSocket to its `receiveFrom` URL. Every URL passes the guard first, WebSocket URLs as
 * their http(s) equivalent. A socket that drops is subscribed and connected again with
 * exponential backoff and jitter. {@link stop} deletes the channels, closes the sockets and
 * clears the timers, so nothing keeps the process alive.
 */
export class NotificationSubscriber {
  private readonly finder: SubscriptionServiceFinder;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly grouped: GroupedLogger;
  private stopped = false;

  public constructor(private readonly options: NotificationSubscriberOptions) {
    this.finder = new SubscriptionServiceFinder(options.fetch, options.guard);
    this.grouped = new GroupedLogger(logger);
  }

  /**
   * Subscribes to a topic and resolves with its status: `subscribed`, or `unavailable` with the
   * reason when the server offers no WebSocket notifications or the subscription failed. A topic
   * already subscribed keeps its subscription. Never throws.
   */
  public async subscribe(topic: string): Promise<SubscriptionStatus> {
    const existing = this.subscriptions.get(topic);
    if (existing !== undefined && existing.status.state !== 'unavailable') {
      return existing.status;
    }
    const subscription: Subscription = {
      topic, attempt: 0, status: { topic, state: 'unavailable', reason: 'not subscribed yet' },
    };
    this.subscriptions.set(topic, subscription);
    const reason = await this.connect(subscription);
    if (reason !== undefined) {
      subscription.status = { topic, state: 'unavailable', reason };
      logger.info({ topic, reason }, 'Notifications unavailable for a topic');
    }
    return subscription.status;
  }

  /** Returns the current status of every topic. */
  public statuses(): SubscriptionStatus[] {
    return [...this.subscriptions.values()].map((subscription) => subscription.status);
  }

  /** Deletes every channel on its server, closes every socket and clears every timer. */
  public async stop(): Promise<void> {
    this.stopped = true;
    const subscriptions = [...this.subscriptions.values()];
    this.subscriptions.clear();
    for (const subscription of subscriptions) {
      clearTimeout(subscription.timer);
      subscription.socket?.removeAllListeners();
      subscription.socket?.on('error', () => undefined);
      subscription.socket?.terminate();
    }
    await Promise.all(subscriptions.map(async (subscription) => this.unsubscribe(subscription)));
    this.grouped.flush();
  }

  /** Subscribes and opens the socket; returns the reason of a failure, undefined on success. */
  private async connect(subscription: Subscription): Promise<string | undefined> {
    const { topic } = subscription;

    // Discovery and the subscription request.
    const lookup = await this.finder.find(topic);
    if (lookup.service === undefined) {
      return lookup.reason;
    }
    let channel: { id: string; receiveFrom: string };
    try {
      channel = await this.requestChannel(lookup.service, topic);
      await this.options.guard.check(channel.receiveFrom.replace(/^ws/u, 'http'));
    } catch (error: unknown) {
      return error instanceof Error ? error.message : String(error);
    }
    subscription.channel = channel.id;

    // The socket; a stop that happened meanwhile deletes the new channel again.
    if (this.stopped) {
      await this.unsubscribe(subscription);
      return 'the subscriber was stopped';
    }
    try {
      subscription.socket = await this.openSocket(subscription, channel.receiveFrom);
    } catch (error: unknown) {
      await this.unsubscribe(subscription);
      const reason = error instanceof Error ? error.message : String(error);
      return `opening the WebSocket [${channel.receiveFrom}] failed: ${reason}`;
    }
    if (this.stopped) {
      subscription.socket.removeAllListeners('close');
      subscription.socket.terminate();
      await this.unsubscribe(subscription);
      return 'the subscriber was stopped';
    }
    subscription.status = { topic, state: 'subscribed', channel: channel.id, receiveFrom: channel.receiveFrom };
    logger.debug({ topic, channel: channel.id }, 'Subscribed to notifications');
    return undefined;
  }

  /** Sends the subscription request and returns the channel's id and `receiveFrom` URL. */
  private async requestChannel(service: string, topic: string): Promise<{ id: string; receiveFrom: string }> {
    await this.options.guard.check(service);
    const response = await this.options.fetch(service, {
      method: 'POST',
      headers: { 'content-type': 'application/ld+json' },
      body: JSON.stringify({
        '@context': ['https://www.w3.org/ns/solid/notification/v1'],
        type: WEB_SOCKET_CHANNEL_2023,
        topic,
      }),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`the subscription request to [${service}] for [${topic}] returned status ${response.status}`);
    }
    const body = parseJsonObject(text);
    const id = body?.id;
    const receiveFrom = body?.receiveFrom;
    if (typeof id !== 'string' || typeof receiveFrom !== 'string' || !/^wss?:\/\//u.test(receiveFrom)) {
      throw new Error(`the subscription response of [${service}] for [${topic}] has no ws: or wss: receiveFrom URL`);
    }
    return { id, receiveFrom };
  }

  private async openSocket(subscription: Subscription, url: string): Promise<WebSocket> {
    const socket = new WebSocket(url, { handshakeTimeout: this.options.handshakeTimeoutMs ?? 10_000 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.removeAllListeners('error');
    socket.on('error', (error) => {
      this.grouped.warn({ topic: subscription.topic, err: error.message }, 'Notification socket failed');
    });
    socket.on('message', (data: WebSocket.RawData) => {
      this.receive(subscription.topic, rawText(data));
    });
    socket.once('close', () => {
      this.reconnectLater(subscription, 'the notification socket closed');
    });
    return socket;
  }

  private receive(topic: string, message: string): void {
    const notification = parseNotification(topic, message);
    if (notification === undefined) {
      this.grouped.warn({ topic }, 'Ignored a notification that is not an Add, Remove, Create, Update or Delete');
      return;
    }
    logger.debug({ ...notification }, 'Received a notification');
    this.options.onNotification(notification);
  }

  private reconnectLater(subscription: Subscription, reason: string): void {
    if (this.stopped || this.subscriptions.get(subscription.topic) !== subscription) {
      return;
    }
    subscription.socket = undefined;
    subscription.attempt += 1;
    subscription.status = { topic: subscription.topic, state: 'reconnecting', reason, attempt: subscription.attempt };
    const delay = this.backoff(subscription.attempt);
    this.grouped.warn({ topic: subscription.topic, reason }, 'Notification channel lost; reconnecting');
    subscription.timer = setTimeout(() => {
      subscription.timer = undefined;
      void this.reconnect(subscription);
    }, delay);
  }

  private async reconnect(subscription: Subscription): Promise<void> {
    const reason = await this.connect(subscription);
    if (this.stopped) {
      return;
    }
    if (reason !== undefined) {
      this.reconnectLater(subscription, reason);
      return;
    }
    subscription.attempt = 0;
    logger.info({ topic: subscription.topic }, 'Notification channel reconnected');
    this.options.onReconnect?.(subscription.topic);
  }

  /** Returns the delay of a reconnection attempt: half the exponential step plus up to half again at random. */
  private backoff(attempt: number): number {
    const base = this.options.reconnectBaseMs ?? 1000;
    const max = this.options.reconnectMaxMs ?? 60_000;
    const step = Math.min(max, base * 2 ** Math.min(attempt - 1, 30));
    return Math.round(step / 2 + (this.options.random ?? Math.random)() * (step / 2));
  }

  /** Deletes the channel on its server (the Solid Notifications Protocol's unsubscription); failures are logged. */
  private async unsubscribe(subscription: Subscription): Promise<void> {
    const channel = subscription.channel;
    subscription.channel = undefined;
    if (channel === undefined) {
      return;
    }
    try {
      await this.options.guard.check(channel);
      const response = await this.options.fetch(channel, { method: 'DELETE' });
      await response.body?.cancel();
      logger.debug({ channel, status: response.status }, 'Deleted a notification channel');
    } catch (error: unknown) {
      logger.warn({ channel, err: error instanceof Error ? error.message : String(error) },
        'Deleting a notification channel failed');
    }
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
