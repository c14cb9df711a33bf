export * from './ContinuousCrawler.js';
export * from './createNetworkCrawler.js';
export * from './createServiceApp.js';
export * from './subscriptionTopics.js';
export * from './listenOn.js';
