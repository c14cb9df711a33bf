import { createVocabulary, OCE } from '../vocab/index.js';

/**
 * The value equation terms of `vocab/oce.ttl`: equations, buckets, bucket rules, claim kinds and
 * the prices that formulas read. They share the `oce:` namespace with the terms of {@link OCE}.
 */
export const OCE_DISTRIBUTION = createVocabulary(
  OCE.namespace,
  'ValueEquation', 'Bucket', 'BucketRule', 'ClaimKind', 'debtLike', 'equityLike', 'oneOff',
  'equationOf', 'bucket', 'order', 'percentOfTotal', 'percentOfRemainder', 'fixedAmount', 'fixedShareTo',
  'rule', 'claimKind', 'cap', 'selectsAction', 'selectsResourceClassification', 'selectsProcessClassification',
  'selectsScope', 'startDate', 'endDate', 'formula', 'variable', 'passBackPercent', 'valuePerUnit',
  'valuePerUnitOfUse',
);
