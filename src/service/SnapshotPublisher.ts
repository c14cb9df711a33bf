import { snapshotOf, StoreSynchronizer } from '../aggregator/index.js';
import type { NetworkSnapshot } from '../aggregator/index.js';
import type { NetworkCrawlResult } from '../crawler/index.js';
import type { QuadStore } from '../store/index.js';
import { getLogger } from '../util/index.js';
import { WHOLE_RECORD } from '../views/index.js';

const logger = getLogger('SnapshotPublisher');

/**
 * Turns each crawl result into the figures the service publishes. It computes the snapshot and
 * brings the SPARQL store in line with the crawl (document graphs plus the derived graphs). Only
 * then does the new snapshot become the latest, so the views and SPARQL results change together.
 */
export class SnapshotPublisher {
  private current?: NetworkSnapshot;
  private currentCrawl?: NetworkCrawlResult;
  private readonly synchronizer?: StoreSynchronizer;

  /** Without a store, only the snapshot is kept. */
  public constructor(store?: QuadStore) {
    this.synchronizer = store === undefined ? undefined : new StoreSynchronizer(store);
  }

  /** Returns the latest snapshot, or undefined before the first crawl has finished. */
  public readonly latest = (): NetworkSnapshot | undefined => this.current;

  /** Returns the crawl result of the latest snapshot, or undefined before the first crawl has finished. */
  public readonly latestCrawl = (): NetworkCrawlResult | undefined => this.currentCrawl;

  /** Publishes the figures of one crawl or refetch. */
  public readonly publish = async (result: NetworkCrawlResult): Promise<NetworkSnapshot> => {
    const snapshot = snapshotOf(result);
    if (this.synchronizer !== undefined) {
      const synced = await this.synchronizer.sync(result.documents, snapshot.derivedGraphs);
      logger.info({ ...synced, crawledAt: snapshot.crawledAt }, 'Synchronized the SPARQL store with the crawl');
    }
    // Compute the network's view before publishing, so the first request does not wait for it.
    snapshot.views.view(snapshot.network, WHOLE_RECORD);
    this.current = snapshot;
    this.currentCrawl = result;
    return snapshot;
  };
}
