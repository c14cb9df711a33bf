export * from './NetworkAggregator.js';
export * from './applyPodOwnershipRule.js';
export * from './StoreSynchronizer.js';
