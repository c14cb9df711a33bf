export * from './AddressGuard.js';
export * from './AddressRefusedError.js';
export * from './CrawlerFetchOptions.js';
export * from './FetchTimeoutError.js';
export * from './RedirectLoopError.js';
export * from './ResponseTooLargeError.js';
export * from './TooManyRedirectsError.js';
export * from './createCrawlerFetch.js';
