/** Source of a configuration value. */
export type ConfigSource =
  | { kind: 'file'; file: string }
  | { kind: 'env'; name: string }
  | { kind: 'flag'; name: string };

/** One invalid, missing or unknown configuration value. */
export interface ConfigIssue {
  kind: 'invalid' | 'missing' | 'unknown';
  /** Dotted path of the value, such as `bounds.retries` or `roots.1`. */
  path: string;
  /** Description of a valid value. */
  expected: string;
  /** The value that arrived, already shown safely (secrets hidden); absent when it is missing. */
  received?: string;
  /** Source of the value; undefined when no source set it. */
  source?: ConfigSource;
  /** Places to set a missing value, such as its environment variable and flag. */
  hint?: string;
}

/** Describes a source for messages: `file [a.yaml]`, `environment variable [OCE_RETRIES]`, `flag [--retries]`. */
export function describeConfigSource(source: ConfigSource): string {
  switch (source.kind) {
    case 'file':
      return `file [${source.file}]`;
    case 'env':
      return `environment variable [${source.name}]`;
    case 'flag':
      return `flag [--${source.name}]`;
  }
}

/** Formats one issue as a sentence that names the field, the source, what was expected and what arrived. */
export function formatConfigIssue(issue: ConfigIssue): string {
  const where = issue.source === undefined ? '' : describeConfigSource(issue.source);
  if (issue.kind === 'missing') {
    const hint = issue.hint === undefined ? '' : `; set it ${issue.hint}`;
    return `Missing configuration value [${issue.path}]: expected ${issue.expected}${hint}`;
  }
  if (issue.kind === 'unknown') {
    return `Unknown configuration field [${issue.path}] in ${where}: expected one of ${issue.expected}`;
  }
  const from = where === '' ? '' : ` from ${where}`;
  return `Invalid configuration value [${issue.path}]${from}: expected ${issue.expected}, ` +
    `received ${issue.received ?? '[nothing]'}`;
}

/** Raised when the configuration cannot be read or is invalid; the message has one line per issue. */
export class ConfigError extends Error {
  public constructor(public readonly issues: ConfigIssue[], message?: string) {
    super(message ?? issues.map(formatConfigIssue).join('\n'));
    this.name = 'ConfigError';
  }
}
