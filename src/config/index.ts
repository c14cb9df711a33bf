export { AggregatorConfigSchema, LOG_LEVELS } from './AggregatorConfig.js';
export type { AggregatorConfig } from './AggregatorConfig.js';
export { CONFIG_FIELDS, CONFIG_GROUPS, findConfigField, flagAttribute } from './ConfigFields.js';
export type { ConfigField, ConfigValueKind } from './ConfigFields.js';
export { ConfigError, describeConfigSource, formatConfigIssue } from './ConfigError.js';
export type { ConfigIssue, ConfigSource } from './ConfigError.js';
export { loadAggregatorConfig } from './loadAggregatorConfig.js';
export type { ConfigSources } from './loadAggregatorConfig.js';
export { addConfigOptions, readCommandConfig } from './addConfigOptions.js';
