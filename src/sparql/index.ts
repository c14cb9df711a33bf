export * from './createSparqlRouter.js';
export * from './SparqlProtocolError.js';
export * from './describeService.js';
