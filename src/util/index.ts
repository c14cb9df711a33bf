export * from './Logger.js';
export * from './GroupedLogger.js';
