import { createHash } from 'node:crypto';
import type { Quad, Term } from '@rdfjs/types';
import type { ParsedDocument } from '../rdf/index.js';
import type { QuadStore } from '../store/index.js';
import { getLogger } from '../util/index.js';
import type { DerivedGraph } from './derivedGraphs.js';

const logger = getLogger('StoreSynchronizer');

/** Counts of graphs one {@link StoreSynchronizer.sync} replaced, left as they were and deleted. */
export interface StoreSyncResult {
  replaced: number;
  unchanged: number;
  deleted: number;
}

/**
 * Returns a digest of a graph's quads that is equal for equal content: blank nodes are named by
 * their first appearance, so parsing the same document twice gives the same digest although the
 * parser labels blank nodes anew each time. Graph names are left out.
 */
export function graphFingerprint(quads: Iterable<Quad>): string {
  const hash = createHash('sha256');
  const blankNodes = new Map<string, number>();
  const write = (term: Term): void => {
    if (term.termType === 'BlankNode') {
      let index = blankNodes.get(term.value);
      if (index === undefined) {
        index = blankNodes.size;
        blankNodes.set(term.value, index);
      }
      hash.update(`_${index}\u0000`);
    } else if (term.termType === 'Literal') {
      hash.update(`"${term.value}\u0001${term.datatype.value}\u0001${term.language}\u0000`);
    } else {
      hash.update(`<${term.value}\u0000`);
    }
  };
  for (const quad of quads) {
    write(quad.subject);
    write(quad.predicate);
    write(quad.object);
    hash.update('\n');
  }
  return hash.digest('base64url');
}

/**
 * Keeps the SPARQL store equal to the crawler's view: one named graph per source document,
 * named by its URL, plus the aggregator's derived graphs. A graph is written only when its
 * content changed since this synchronizer last wrote it (compared by {@link graphFingerprint}),
 * and the graph of a document that left the view is deleted, so nothing derived from an old
 * version remains.
 *
 * NOTE: the fingerprints of written graphs live in this process, so a graph changed in the store
 * by another writer is not noticed until its document changes. After a restart every graph is
 * written once.
 */
export class StoreSynchronizer {
  private readonly written = new Map<string, string>();

  public constructor(private readonly store: QuadStore) {}

  /**
   * Replaces the graphs of `documents` and of the aggregator's `derived` graphs whose content
   * changed, and deletes every other graph of the store.
   */
  public async sync(documents: readonly ParsedDocument[],
    derived: readonly DerivedGraph[] = []): Promise<StoreSyncResult> {
    const graphs = [
      ...documents.map((document) => ({ graph: document.source, quads: document.quads })),
      ...derived,
    ];
    const current = new Set(graphs.map((entry) => entry.graph));
    let deleted = 0;
    for (const graph of await this.store.graphs()) {
      if (!current.has(graph)) {
        await this.store.deleteGraph(graph);
        this.written.delete(graph);
        deleted += 1;
      }
    }
    let replaced = 0;
    for (const { graph, quads } of graphs) {
      const fingerprint = graphFingerprint(quads);
      if (this.written.get(graph) === fingerprint) {
        continue;
      }
      await this.store.replaceGraph(graph, quads);
      this.written.set(graph, fingerprint);
      replaced += 1;
    }
    const result = { replaced, unchanged: graphs.length - replaced, deleted };
    logger.debug(result, 'Synchronized the store');
    return result;
  }
}
