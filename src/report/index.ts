export * from './ContributionReport.js';
export * from './InventoryReport.js';
export * from './IriShortener.js';
export * from './TextTable.js';
