import { createVocabulary } from '../vocab/index.js';

/**
 * Terms of `vocab/oce.ttl` for crawl reports. They share the OCE namespace with the `OCE`
 * vocabulary of `src/vocab`, and are declared here because only the crawl report uses them.
 */
export const OCE_CRAWL = createVocabulary(
  'https://w3id.org/oce/ns#',
  'CrawlReport', 'PodCrawl', 'Problem', 'problem', 'severity', 'message', 'subject', 'source', 'Error', 'Warning',
  'podCrawl', 'root', 'crawledAt', 'durationMilliseconds', 'agent', 'storage', 'depth', 'documentsSeen',
  'documentsLoaded', 'documentsDownloaded', 'documentsUnchanged', 'documentsRejected', 'documentsFailed',
  'coverage', 'complete', 'staleSince', 'staleReason', 'httpStatus', 'problemKind',
);

/** The terms above that `vocab/oce.ttl` gained for crawl reports, for the vocabulary test. */
export const CRAWL_REPORT_TERMS = [
  'PodCrawl', 'podCrawl', 'root', 'crawledAt', 'durationMilliseconds', 'agent', 'storage', 'depth',
  'documentsSeen', 'documentsLoaded', 'documentsDownloaded', 'documentsUnchanged', 'documentsRejected',
  'documentsFailed', 'coverage', 'complete', 'staleSince', 'staleReason', 'httpStatus', 'problemKind',
] as const;
