export * from './Demo.js';
export * from './DemoNetworkBuilder.js';
export * from './DemoNetworkPlan.js';
export * from './IriRewriter.js';
export * from './DemoPlanning.js';
