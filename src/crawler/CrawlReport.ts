import { problem } from '../model/index.js';
import type { Problem, Severity } from '../model/index.js';
import type { QuarantinedDocument } from './DocumentLoader.js';

/**
 * One failure of a pod crawl: a request that failed (`status` 0 when no HTTP response arrived),
 * a quarantined document (`parse` or `shape`), a skipped link or a bound that was hit.
 */
export interface CrawlError {
  url: string;
  status: number;
  /**
   * A fetch failure (`network`, `timeout`, `http`, `tooLarge`, `refused`, `redirects`, `protocol`),
   * `parse`, `shape`, `outside` (a link outside the registered containers), `bound` or `internal`.
   */
  kind: string;
  message: string;
}

/** Marks data that the view keeps from an earlier crawl because this crawl could not read it. */
export interface StaleMark {
  /** When the pod was last crawled completely, or null when it never was. */
  since: string | null;
  /** Why the pod could not be read in full this time, from its first error. */
  reason: string;
}

/** Crawl outcome for one pod: what was found, loaded, reused, rejected and failed, and how long it took. */
export interface PodCrawlReport {
  webId: string;
  /** The profile's `pim:storage`, or null when the profile could not be read or names none. */
  storage: string | null;
  /** Distance from the nearest network root: 0 for a root, 1 for its members, and so on. */
  depth: number;
  typeIndexes: string[];
  /** Registered containers (`solid:instanceContainer`) that the crawl walked. */
  containers: string[];
  /** Documents found in the registered containers and registered with `solid:instance`. */
  seen: number;
  /** Documents in the model from this crawl: downloaded plus unchanged. */
  loaded: number;
  downloaded: number;
  /** Documents whose server answered 304, so the cached body was reused. */
  unchanged: number;
  /** Documents quarantined for a parse error or a SHACL violation. */
  rejected: number;
  /** Documents that could not be fetched. */
  failed: number;
  /** `loaded / seen` rounded to four decimals, or 1 when nothing was seen. */
  coverage: number;
  durationMs: number;
  /** True when the containers were listed in full and the profile and every type index were read. */
  complete: boolean;
  /** Set when the view keeps documents of this pod from an earlier crawl. */
  stale: StaleMark | null;
  errors: CrawlError[];
  quarantined: QuarantinedDocument[];
}

/** An event IRI stated in more than one document, and which statement the model keeps. */
export interface DuplicateEvent {
  event: string;
  /** The document whose statement of the event is kept. */
  kept: string;
  /** The other documents that state it; their statements of the event are dropped. */
  dropped: string[];
}

/** Sums over all pods of a crawl. */
export interface CrawlTotals {
  pods: number;
  stalePods: number;
  seen: number;
  loaded: number;
  downloaded: number;
  unchanged: number;
  rejected: number;
  failed: number;
  coverage: number;
}

/** The crawl report as the API returns it: per pod, per problem, and totals. */
export interface CrawlReportJson {
  crawledAt: string;
  durationMs: number;
  roots: string[];
  pods: PodCrawlReport[];
  /** Each membership cycle once, as the WebIDs around it starting at the smallest. */
  cycles: string[][];
  duplicates: DuplicateEvent[];
  problems: Problem[];
  totals: CrawlTotals;
}

/** Returns `loaded / seen` rounded to four decimals, 1 when nothing was seen. */
export function coverageOf(loaded: number, seen: number): number {
  return seen === 0 ? 1 : Math.round((loaded / seen) * 10_000) / 10_000;
}

/** Sums the counts of the pods. */
export function totalsOf(pods: readonly PodCrawlReport[]): CrawlTotals {
  const sum = (pick: (pod: PodCrawlReport) => number): number => pods.reduce((total, pod) => total + pick(pod), 0);
  const seen = sum((pod) => pod.seen);
  const loaded = sum((pod) => pod.loaded);
  return {
    pods: pods.length,
    stalePods: pods.filter((pod) => pod.stale !== null).length,
    seen,
    loaded,
    downloaded: sum((pod) => pod.downloaded),
    unchanged: sum((pod) => pod.unchanged),
    rejected: sum((pod) => pod.rejected),
    failed: sum((pod) => pod.failed),
    coverage: coverageOf(loaded, seen),
  };
}

/** Returns `warning` for a skipped link or a bound that was hit, `error` for anything that failed. */
export function severityOf(error: CrawlError): Severity {
  return error.kind === 'outside' || error.kind === 'bound' ? 'warning' : 'error';
}

/**
 * Turns a pod's errors into problems that name the pod and the URL. A document that arrived
 * (status 2xx) but was rejected is described by its message alone, since no request failed.
 */
export function podProblems(pod: PodCrawlReport): Problem[] {
  return pod.errors.map((error) => {
    const arrived = error.status >= 200 && error.status < 300;
    const what = arrived ? `[${error.url}] (${error.kind})` : `[${error.url}] failed with status [${error.status}] (${error.kind})`;
    return problem(severityOf(error), `Crawling the pod of [${pod.webId}]: ${what}: ${error.message}`,
      { source: error.url, subject: pod.webId });
  });
}
