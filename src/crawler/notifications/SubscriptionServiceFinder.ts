import type { Quad } from 'n3';
import { parseRdf } from '../../rdf/index.js';
import { getLogger } from '../../util/index.js';
import { linkTargets } from '../LinkHeader.js';

const logger = getLogger('SubscriptionServiceFinder');

const NOTIFY = 'http://www.w3.org/ns/solid/notifications#';
const STORAGE_DESCRIPTION = 'http://www.w3.org/ns/solid/terms#storageDescription';

/** IRI of the WebSocket channel type of the Solid Notifications Protocol. */
export const WEB_SOCKET_CHANNEL_2023 = `${NOTIFY}WebSocketChannel2023`;

/** Checks a URL before it is requested; the crawler's `AddressGuard` fits. */
export interface UrlCheck {
  check: (url: string) => Promise<void>;
}

/** Outcome of discovery: the subscription service URL, or why there is none. */
export type SubscriptionServiceLookup = { service: string } | { service?: undefined; reason: string };

/**
 * Finds the WebSocketChannel2023 subscription service for a topic, as the Solid Notifications
 * Protocol describes discovery: the topic's `Link` header with
 * `rel="http://www.w3.org/ns/solid/terms#storageDescription"` names the storage description,
 * which lists `notify:subscription` services with their `notify:channelType`. Lookups are
 * cached per storage description, so the containers of one pod cost one description request.
 */
export class SubscriptionServiceFinder {
  private readonly descriptions = new Map<string, Promise<SubscriptionServiceLookup>>();

  public constructor(private readonly fetch: typeof globalThis.fetch, private readonly guard: UrlCheck) {}

  /** Returns the subscription service for `topic` or the reason why none was found; never throws. */
  public async find(topic: string): Promise<SubscriptionServiceLookup> {
    let description: string | undefined;
    try {
      await this.guard.check(topic);
      const response = await this.fetch(topic, { method: 'HEAD' });
      await response.body?.cancel();
      if (!response.ok) {
        return { reason: `reading [${topic}] returned status ${response.status}` };
      }
      description = linkTargets(response.headers.get('link'), STORAGE_DESCRIPTION, response.url || topic)[0];
      if (description === undefined) {
        return { reason: `the response to [${topic}] has no storage description link` };
      }
    } catch (error: unknown) {
      return { reason: `reading [${topic}] failed: ${messageOf(error)}` };
    }
    let lookup = this.descriptions.get(description);
    if (lookup === undefined) {
      lookup = this.readDescription(description);
      this.descriptions.set(description, lookup);
    }
    return lookup;
  }

  private async readDescription(description: string): Promise<SubscriptionServiceLookup> {
    try {
      await this.guard.check(description);
      const response = await this.fetch(description, { headers: { accept: 'text/turtle' } });
      const text = await response.text();
      if (!response.ok) {
        return { reason: `the storage description [${description}] returned status ${response.status}` };
      }
      const parsed = await parseRdf(text, {
        source: response.url || description, contentType: response.headers.get('content-type') ?? 'text/turtle',
      });
      const service = webSocketService(parsed.quads);
      logger.debug({ description, service }, 'Read a storage description');
      return service === undefined
        ? { reason: `the storage description [${description}] lists no WebSocketChannel2023 subscription service` }
        : { service };
    } catch (error: unknown) {
      return { reason: `reading the storage description [${description}] failed: ${messageOf(error)}` };
    }
  }
}

/** Returns a subscription service of the description whose channel type is WebSocketChannel2023. */
function webSocketService(quads: Quad[]): string | undefined {
  const services = new Set(quads.filter((quad) => quad.predicate.value === `${NOTIFY}subscription`)
    .map((quad) => quad.object.value));
  return quads.find((quad) => services.has(quad.subject.value) && quad.predicate.value === `${NOTIFY}channelType`
    && quad.object.value === WEB_SOCKET_CHANNEL_2023)?.subject.value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
