export * from './DocumentCache.js';
export * from './FileDocumentCache.js';
export * from './MemoryDocumentCache.js';
