export * from './NetworkAggregator.js';
