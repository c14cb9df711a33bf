import { createVocabulary, OCE } from '../../vocab/index.js';

/**
 * The committed distribution run terms of `vocab/oce.ttl`: the run, its lines, the snapshot of
 * the equation it used, and the link from each payout claim to its run.
 */
export const OCE_RUN = createVocabulary(
  OCE.namespace,
  'DistributionRun', 'DistributionLine', 'distributionRun', 'runTime', 'amount', 'currency', 'scale',
  'roundingRule', 'undistributed', 'equation', 'equationSnapshot', 'snapshotOf', 'line', 'payee', 'lineBucket',
  'lineRule', 'claimKey', 'contributionEvent', 'hours', 'value', 'passedBack', 'share', 'payout', 'limit',
);

/** Activity Streams 2.0 terms of the notices sent to payees' inboxes. */
export const AS = createVocabulary(
  'https://www.w3.org/ns/activitystreams#',
  'Announce', 'actor', 'object', 'context', 'target', 'summary', 'published',
);

/** The Linked Data Notifications inbox property (`ldp:inbox`), which the shared LDP vocabulary lacks. */
export const LDP_INBOX = createVocabulary('http://www.w3.org/ns/ldp#', 'inbox');

/**
 * How a committed run rounds, written into each run document as `oce:roundingRule`. It states
 * what `DistributionEngine` and `BucketAllocator` do.
 */
export const ROUNDING_RULE = 'Every payout is a whole number of minor units of the currency. Percentages of the ' +
  'total are rounded together by the largest remainder method, ties to the earlier bucket. A percentage of the ' +
  'remainder is rounded down. Within a bucket, each line gets the floor of its share and the units left over go ' +
  'to the largest remainders, ties to the lower agent IRI and then the lower rule IRI. What no bucket pays is ' +
  'undistributed and stays with the distributing agent.';
