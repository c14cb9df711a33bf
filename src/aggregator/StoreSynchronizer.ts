import type { ParsedDocument } from '../rdf/index.js';
import type { DerivedGraph } from './derivedGraphs.js';
import type { QuadStore } from '../store/index.js';
import { getLogger } from '../util/index.js';

const logger = getLogger('StoreSynchronizer');

/** Counts of graphs one {@link StoreSynchronizer.sync} replaced and deleted. */
export interface StoreSyncResult {
  replaced: number;
  deleted: number;
}

/**
 * Keeps the SPARQL store equal to the crawler's view: one named graph per source document,
 * named by its URL. After a crawl every document's graph is replaced, and the graph of a
 * document that left the view is deleted, so nothing derived from an old version remains.
 *
 * NOTE: every graph is replaced on every sync, because unchanged documents are parsed again on
 * each crawl and carry no cheaper change marker here. For large networks this costs a reload.
 */
export class StoreSynchronizer {
  public constructor(private readonly store: QuadStore) {}

  /**
   * Replaces the graphs of `documents` and of the aggregator's `derived` graphs, and deletes every
   * other graph of the store.
   */
  public async sync(documents: readonly ParsedDocument[],
    derived: readonly DerivedGraph[] = []): Promise<StoreSyncResult> {
    const current = new Set([...documents.map((document) => document.source), ...derived.map((entry) => entry.graph)]);
    let deleted = 0;
    for (const graph of await this.store.graphs()) {
      if (!current.has(graph)) {
        await this.store.deleteGraph(graph);
        deleted += 1;
      }
    }
    for (const document of documents) {
      await this.store.replaceGraph(document.source, document.quads);
    }
    for (const entry of derived) {
      await this.store.replaceGraph(entry.graph, entry.quads);
    }
    const replaced = documents.length + derived.length;
    logger.debug({ replaced, deleted }, 'Synchronized the store');
    return { replaced, deleted };
  }
}
