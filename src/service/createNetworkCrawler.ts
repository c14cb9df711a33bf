import path from 'node:path';
import type { AggregatorConfig } from '../config/index.js';
import { AddressGuard, DocumentFetcher, FileDocumentCache, NetworkCrawler, createCrawlerFetch } from '../crawler/index.js';
import type { CrawlProgress } from '../crawler/index.js';

/** Parts of the aggregator's crawl built from its configuration. */
export interface NetworkCrawlerParts {
  crawler: NetworkCrawler;
  guard: AddressGuard;
  /** The session fetch wrapped with the guard, limits and retries; also right for notification requests. */
  crawlerFetch: typeof fetch;
}

/**
 * Builds the crawl of the configured networks over an authenticated fetch. It composes the address
 * guard from the address policy, the crawler fetch with the request bounds, a disk cache for
 * conditional requests, and the `NetworkCrawler` with the per-pod bounds. The cache folder is
 * `cacheFolder` resolved against `workingFolder`.
 */
export function createNetworkCrawler(
  config: AggregatorConfig,
  sessionFetch: typeof fetch,
  options: { workingFolder?: string; onProgress?: (progress: CrawlProgress) => void } = {},
): NetworkCrawlerParts {
  const guard = new AddressGuard(config.addressPolicy);
  const crawlerFetch = createCrawlerFetch({
    fetch: sessionFetch,
    guard,
    maxConcurrentPerOrigin: config.bounds.hostConcurrency,
    timeoutMs: config.bounds.requestTimeoutSeconds * 1000,
    retries: config.bounds.retries,
  });
  const folder = path.resolve(options.workingFolder ?? process.cwd(), config.cacheFolder);
  const cache = new FileDocumentCache({ folder });
  const fetcher = new DocumentFetcher({ fetch: crawlerFetch, cache, maxBytes: config.bounds.maxResponseBytes });
  const crawler = new NetworkCrawler({
    roots: config.roots,
    fetcher,
    maxDocumentsPerPod: config.bounds.maxDocumentsPerPod,
    maxContainerDepth: config.bounds.maxContainerDepth,
    maxPodMs: config.bounds.podTimeLimitSeconds * 1000,
    onProgress: options.onProgress,
  });
  return { crawler, guard, crawlerFetch };
}
