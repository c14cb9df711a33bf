import type { NetworkSnapshot } from '../aggregator/index.js';
import type { NetworkCrawlResult } from '../crawler/index.js';
import {
  CommittedDistribution, distributionDataOf, DistributionRunWriter, PayoutNotifier,
} from '../distribution/run/index.js';
import type { DistributionData } from '../distribution/run/index.js';
import type { DistributionRouteOptions } from './api/distributionRoutes.js';
import type { AccessPolicy } from './auth/index.js';
import { callerOf } from './auth/index.js';

/** The role a caller needs, in a crawled `org:Membership`, to commit a distribution run. */
export const COMMIT_ROLE = 'steward';

/**
 * Connects the distribution routes of `oce serve` to the latest crawl. Dry runs read the crawled
 * data; a committed run is written with the aggregator's own session to the `/rea/distributions/`
 * container of the first network's pod (its owner must let the aggregator write there), and only
 * a caller with the {@link COMMIT_ROLE} role, or an operator, may commit.
 */
export function serviceDistributions(
  published: { latest: () => NetworkSnapshot | undefined; latestCrawl: () => NetworkCrawlResult | undefined },
  fetchFn: typeof fetch, policy: AccessPolicy,
): DistributionRouteOptions {
  const { latestCrawl } = published;
  let cached: { crawl: NetworkCrawlResult; data: DistributionData } | undefined;
  return {
    data: () => {
      const crawl = latestCrawl();
      if (crawl === undefined) {
        return undefined;
      }
      if (cached?.crawl !== crawl) {
        // The publisher sets the snapshot and its crawl together, so the snapshot's model is this crawl's.
        cached = { crawl, data: distributionDataOf(crawl, published.latest()?.views.model) };
      }
      return cached.data;
    },
    committer: () => {
      const crawl = latestCrawl();
      const root = crawl?.report.roots[0];
      const storage = crawl?.report.pods.find((pod) => pod.webId === root)?.storage ?? null;
      if (storage === null) {
        return undefined;
      }
      const writer = new DistributionRunWriter({ fetch: fetchFn, storage });
      return new CommittedDistribution(writer, new PayoutNotifier(fetchFn));
    },
    authorize: (request) => {
      policy.assertHasRole(request.res === undefined ? undefined : callerOf(request.res), COMMIT_ROLE);
      return Promise.resolve();
    },
  };
}
