export * from './ContinuousCrawler.js';
export * from './createNetworkCrawler.js';
export * from './createServiceApp.js';
export * from './subscriptionTopics.js';
export * from './listenOn.js';
export * from './api/ApiProblem.js';
export * from './api/createApiRouter.js';
export { OPENAPI_DOCUMENT } from './api/openApiDocument.js';
export * from './SnapshotPublisher.js';
