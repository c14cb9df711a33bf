export * from './AccountClient.js';
export * from './ClientCredentialsSession.js';
export * from './SolidHttpError.js';
export * from './SolidServer.js';
export * from './SolidDocumentClient.js';
export * from './RdfTerms.js';
