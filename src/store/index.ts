export * from './QuadStore.js';
export * from './OxigraphStore.js';
export * from './RemoteSparqlStore.js';
export * from './RemoteStoreError.js';
export * from './MalformedQueryError.js';
export * from './QueryFailedError.js';
export * from './QueryTimeoutError.js';
export * from './detectQueryForm.js';
export type { HttpCredentials } from './httpDigestFetch.js';
