export * from './NetworkAggregator.js';
export * from './applyPodOwnershipRule.js';
export * from './StoreSynchronizer.js';
export * from './derivedGraphs.js';
