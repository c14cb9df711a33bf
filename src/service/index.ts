export * from './createServiceApp.js';
