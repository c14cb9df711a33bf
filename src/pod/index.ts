export * from './AccessGranter.js';
export * from './EventInput.js';
export * from './EventRecorder.js';
export * from './EventTime.js';
export * from './PodInitializer.js';
export * from './PodLayout.js';
export * from './WacDocument.js';
