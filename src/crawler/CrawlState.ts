import type { Quad } from 'n3';
import type { StaleMark } from './CrawlReport.js';
import type { LoadedDocument } from './DocumentLoader.js';
import type { PodCrawl } from './PodCrawler.js';

/** What the network view holds for one pod between crawls. */
export interface PodState {
  webId: string;
  storage: string | null;
  /** Registered containers of the pod, from its latest crawl that could read them. */
  containers: string[];
  /** The documents in the view, by URL: loaded in the latest crawl or kept from an earlier one. */
  documents: Map<string, LoadedDocument>;
  profile: Quad[];
  /** When the pod was last crawled completely, without failures. */
  lastCompleteAt: string | null;
  stale: StaleMark | null;
}

/**
 * The network view across crawls, in memory: per pod, its last good documents. A crawl that
 * cannot read part of a pod (the pod is down, slow, forbidden or serves garbage; a listing or a
 * document fails; a bound is hit) keeps the earlier copies of what it could not read and marks
 * the pod stale with the time of its last complete crawl and the reason. A document that a
 * complete listing no longer shows leaves the view. Quarantined documents leave it too.
 */
export class CrawlState {
  private readonly pods = new Map<string, PodState>();

  /** Merges one pod crawl into the view and returns the pod's new state. */
  public merge(crawl: PodCrawl, crawledAt: string): PodState {
    const previous = this.pods.get(crawl.report.webId);
    const documents = new Map(crawl.documents.map((document) => [document.source, document]));
    let kept = 0;
    for (const [url, document] of previous?.documents ?? []) {
      const unread = crawl.failedUrls.has(url) || (!crawl.report.complete && !crawl.seenUrls.has(url));
      if (unread && !documents.has(url)) {
        documents.set(url, document);
        kept += 1;
      }
    }
    const clean = crawl.report.complete && crawl.failedUrls.size === 0;
    // Stale means the view holds data older than this crawl: copies kept, or a listing that
    // could not be read for a pod that was read in full before.
    const stale = kept > 0 || (!crawl.report.complete && (previous?.lastCompleteAt ?? null) !== null)
      ? { since: previous?.lastCompleteAt ?? null, reason: crawl.report.errors[0]?.message ?? 'The crawl of the pod was incomplete' }
      : null;
    const state: PodState = {
      webId: crawl.report.webId,
      storage: crawl.report.storage ?? previous?.storage ?? null,
      containers: crawl.report.containers.length > 0 ? crawl.report.containers : previous?.containers ?? [],
      documents,
      profile: crawl.profile.length > 0 ? crawl.profile : previous?.profile ?? [],
      lastCompleteAt: clean ? crawledAt : previous?.lastCompleteAt ?? null,
      stale,
    };
    this.pods.set(state.webId, state);
    return state;
  }

  /** Returns the state of one pod, or undefined before its first crawl. */
  public get(webId: string): PodState | undefined {
    return this.pods.get(webId);
  }

  /** Returns the pod whose storage contains `url`, or undefined when no crawled pod does. */
  public podOf(url: string): PodState | undefined {
    let best: PodState | undefined;
    for (const pod of this.pods.values()) {
      const scope = pod.storage ?? new URL('/', pod.webId).href;
      if (url.startsWith(scope) && (best === undefined || scope.length > (best.storage ?? '').length)) {
        best = pod;
      }
    }
    return best;
  }

  /** Returns every pod's state, in the order the pods were first crawled. */
  public all(): PodState[] {
    return [...this.pods.values()];
  }
}
