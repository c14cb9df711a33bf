import type { Problem } from '../model/index.js';
import type { ParsedDocument } from '../rdf/index.js';

/** One request of a crawl that failed; `status` is 0 when no HTTP response arrived. */
export interface CrawlError {
  url: string;
  status: number;
  message: string;
}

/** Crawl outcome for one member's pod: what was found, fetched and failed. */
export interface PodReport {
  webId: string;
  /** The profile's `pim:storage`, or null when the profile could not be read or names none. */
  storage: string | null;
  /** Type index documents the profile links to. */
  typeIndexes: string[];
  /** Registered containers (`solid:instanceContainer`) that the crawl walked. */
  containers: string[];
  /** Documents found in registered containers (or registered with `solid:instance`), up to the limit. */
  documentsSeen: number;
  documentsLoaded: number;
  documentsFailed: number;
  /** True when the pod had more documents than `maxDocumentsPerPod` and the rest were not fetched. */
  limitReached: boolean;
  errors: CrawlError[];
}

/** Output of a crawl: parsed documents of every pod, a report per pod, and crawl-level problems. */
export interface CrawlResult {
  documents: ParsedDocument[];
  pods: PodReport[];
  /**
   * One problem per failed request, skipped link and reached limit. Problems found while parsing
   * a document stay in that document's own `problems`.
   */
  problems: Problem[];
}
