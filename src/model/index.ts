export * from './DateTimeValue.js';
export * from './Decimal.js';
export * from './EconomicModel.js';
export * from './Problem.js';
