import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { core } from 'zod';
import { AggregatorConfigSchema } from './AggregatorConfig.js';
import type { AggregatorConfig } from './AggregatorConfig.js';
import { CONFIG_FIELDS, CONFIG_GROUPS, findConfigField, flagAttribute } from './ConfigFields.js';
import type { ConfigField } from './ConfigFields.js';
import { ConfigError } from './ConfigError.js';
import type { ConfigIssue, ConfigSource } from './ConfigError.js';

/** The three sources of the configuration; later sources override earlier ones field by field. */
export interface ConfigSources {
  /** Path of a YAML or JSON file (`.json` is read as JSON, anything else as YAML). */
  file?: string;
  /** Environment variables, usually `process.env`; only the `OCE_*` names of `CONFIG_FIELDS` are read. */
  env?: Record<string, string | undefined>;
  /** Parsed command-line options keyed by commander attribute name (`maxResponseBytes`). */
  flags?: Record<string, unknown>;
}

/** A value of one field with the source that set it. */
interface SourcedValue {
  value: unknown;
  source: ConfigSource;
}

/**
 * Reads the configuration file, then the environment, then the flags, each later source
 * overriding the fields it sets, and validates the result. Throws a {@link ConfigError} naming
 * every invalid, missing or unknown field with its source.
 */
export async function loadAggregatorConfig(sources: ConfigSources): Promise<AggregatorConfig> {
  const values = new Map<string, SourcedValue>();
  const issues: ConfigIssue[] = [];
  if (sources.file !== undefined) {
    readFileValues(await readConfigFile(sources.file), sources.file, values, issues);
  }
  readEnvValues(sources.env ?? {}, values);
  readFlagValues(sources.flags ?? {}, values);
  if (issues.length > 0) {
    throw new ConfigError(issues);
  }
  return validate(values);
}

async function readConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([], `Cannot read the configuration file [${file}]: ${reason}`);
  }
  try {
    return path.extname(file).toLowerCase() === '.json' ? JSON.parse(text) as unknown : parseYaml(text) as unknown;
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([], `Invalid configuration file [${file}]: ${reason.split('\n')[0]}`);
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens the file's mapping into field values; reports keys that are no field. */
function readFileValues(
  content: unknown, file: string, values: Map<string, SourcedValue>, issues: ConfigIssue[],
): void {
  const source: ConfigSource = { kind: 'file', file };
  if (content === null || content === undefined) {
    return;
  }
  if (!isMapping(content)) {
    throw new ConfigError([], `Invalid configuration file [${file}]: expected a mapping of fields, ` +
      `received [${JSON.stringify(content)}]`);
  }
  const visit = (mapping: Record<string, unknown>, prefix: string): void => {
    for (const [key, value] of Object.entries(mapping)) {
      const dotted = prefix === '' ? key : `${prefix}.${key}`;
      if (findConfigField(dotted) !== undefined) {
        values.set(dotted, { value, source });
      } else if (prefix === '' && CONFIG_GROUPS.has(key) && isMapping(value)) {
        visit(value, key);
      } else if (!(prefix === '' && CONFIG_GROUPS.has(key))) {
        issues.push({ kind: 'unknown', path: dotted, source, expected: knownKeys(prefix) });
      } else {
        issues.push({ kind: 'invalid', path: dotted, source, expected: `a mapping of ${knownKeys(key)}`,
          received: `[${JSON.stringify(value)}]` });
      }
    }
  };
  visit(content, '');
}

/** Lists the keys allowed under a prefix, for unknown-field messages: `[issuer, clientId, clientSecret]`. */
function knownKeys(prefix: string): string {
  const keys = new Set<string>();
  for (const field of CONFIG_FIELDS) {
    const inside = prefix === '' ? field.path : field.path.startsWith(`${prefix}.`) ? field.path.slice(prefix.length + 1) : '';
    if (inside !== '') {
      keys.add(inside.split('.')[0]!);
    }
  }
  return `[${[...keys].join(', ')}]`;
}

function readEnvValues(env: Record<string, string | undefined>, values: Map<string, SourcedValue>): void {
  for (const field of CONFIG_FIELDS) {
    const text = env[field.env];
    if (text !== undefined && text !== '') {
      values.set(field.path, { value: convertText(field, text), source: { kind: 'env', name: field.env } });
    }
  }
}

function readFlagValues(flags: Record<string, unknown>, values: Map<string, SourcedValue>): void {
  for (const field of CONFIG_FIELDS) {
    const value = flags[flagAttribute(field.flag)];
    if (value === undefined) {
      continue;
    }
    const converted = typeof value === 'string' ? convertText(field, value) : value;
    values.set(field.path, { value: converted, source: { kind: 'flag', name: field.flag } });
  }
}

/** Converts environment or flag text to the field's kind; text that does not convert stays for the schema to reject. */
function convertText(field: ConfigField, text: string): unknown {
  const trimmed = text.trim();
  switch (field.kind) {
    case 'integer':
      return /^-?\d+$/u.test(trimmed) ? Number(trimmed) : text;
    case 'boolean':
      return BOOLEAN_WORDS.get(trimmed.toLowerCase()) ?? text;
    case 'list':
      return trimmed.split(',').map((item) => item.trim()).filter((item) => item !== '');
    case 'text':
      return text;
  }
}

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['true', true], ['1', true], ['yes', true], ['on', true],
  ['false', false], ['0', false], ['no', false], ['off', false],
]);

function validate(values: Map<string, SourcedValue>): AggregatorConfig {
  const raw: Record<string, unknown> = {};
  for (const group of CONFIG_GROUPS) {
    raw[group] = {};
  }
  for (const [dotted, { value }] of values) {
    const [first, second] = dotted.split('.') as [string, string | undefined];
    if (second === undefined) {
      raw[first] = value;
    } else {
      (raw[first] as Record<string, unknown>)[second] = value;
    }
  }
  const result = AggregatorConfigSchema.safeParse(raw);
  if (result.success) {
    return result.data;
  }
  throw new ConfigError(result.error.issues.map((issue) => describeIssue(issue, values)));
}

function describeIssue(issue: core.$ZodIssue, values: Map<string, SourcedValue>): ConfigIssue {
  const dotted = issue.path.map(String).join('.');
  const field = CONFIG_FIELDS.find((candidate) => dotted === candidate.path || dotted.startsWith(`${candidate.path}.`));
  if (field === undefined) {
    return { kind: 'invalid', path: dotted, expected: issue.message };
  }
  const sourced = values.get(field.path);
  if (sourced === undefined) {
    return { kind: 'missing', path: dotted, expected: field.expected,
      hint: `in the configuration file, with ${field.env} or with --${field.flag}` };
  }
  const itemPath = issue.path.slice(field.path.split('.').length);
  const item = itemPath.length === 0 ? sourced.value : valueAt(sourced.value, itemPath);
  return { kind: 'invalid', path: dotted, expected: field.expected, source: sourced.source,
    received: showValue(item, field.secret === true) };
}

function valueAt(value: unknown, rest: PropertyKey[]): unknown {
  let current = value;
  for (const key of rest) {
    current = (current as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  return current;
}

/** Shows a received value in square brackets: text as is, other values as JSON, secrets hidden. */
function showValue(value: unknown, secret: boolean): string {
  if (secret) {
    return '[a hidden value]';
  }
  return typeof value === 'string' ? `[${value}]` : `[${JSON.stringify(value)}]`;
}
