export * from './NetworkAggregator.js';
export * from './applyPodOwnershipRule.js';
