import { Option } from 'commander';
import type { Command } from 'commander';
import { CONFIG_FIELDS } from './ConfigFields.js';
import type { AggregatorConfig } from './AggregatorConfig.js';
import { loadAggregatorConfig } from './loadAggregatorConfig.js';

/**
 * Adds `--config <file>` and one flag per configuration field to a command. Values stay text
 * here, so that {@link readCommandConfig} validates them with the file and the environment and
 * names the flag in errors. `--notifications` has the negation `--no-notifications`.
 */
export function addConfigOptions(command: Command): Command {
  command.option('--config <file>', 'configuration file (YAML, or JSON when it ends in .json)');
  for (const field of CONFIG_FIELDS) {
    const help = `sets ${field.path} (${field.env}): ${field.expected}`;
    if (field.kind === 'boolean') {
      command.addOption(new Option(`--${field.flag}`, `sets ${field.path} (${field.env}) to true`));
      if (field.path === 'notifications') {
        command.addOption(new Option(`--no-${field.flag}`, 'turns notifications off; the service only polls'));
      }
    } else if (field.kind === 'list') {
      command.addOption(new Option(`--${field.flag} ${field.flagValue ?? '<value>'}`, `${help}; repeat for more`)
        .argParser((value: string, previous: string[] | undefined) => [...previous ?? [], value]));
    } else {
      command.addOption(new Option(`--${field.flag} ${field.flagValue ?? '<value>'}`, help));
    }
  }
  return command;
}

/**
 * Reads the configuration of a command: its `--config` file, then `env`, then its flags.
 * Throws a `ConfigError` when a value is invalid or missing.
 */
export async function readCommandConfig(
  options: Record<string, unknown>, env: Record<string, string | undefined>,
): Promise<AggregatorConfig> {
  const { config: file, ...flags } = options;
  return loadAggregatorConfig({ file: typeof file === 'string' ? file : undefined, env, flags });
}
