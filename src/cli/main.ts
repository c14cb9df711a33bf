import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CliIo } from './CliIo.js';
import { CommandFailedError, ExitCode, processIo } from './CliIo.js';
import { addContributionsCommand } from './commands/contributionsCommand.js';
import { addCrawlCommand } from './commands/crawlCommand.js';
import { addDemoCommand } from './commands/demoCommand.js';
import { addDistributeCommand } from './commands/distributeCommand.js';
import { addInventoryCommand } from './commands/inventoryCommand.js';
import { addPlanCommand } from './commands/planCommand.js';
import { addImportCommand, addPodCommands } from './commands/podCommands.js';
import { addPodPlanCommand } from './commands/podPlanCommand.js';
import { addServeCommand } from './commands/serveCommand.js';
import { addStatusCommand } from './commands/statusCommand.js';
import { addTraceCommands } from './commands/traceCommand.js';
import { addValidateCommand } from './commands/validateCommand.js';
import { describeError } from './describeError.js';

/** Returns the version field of the package's `package.json`. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** Resolves when the process receives SIGINT or SIGTERM, for commands that serve until stopped. */
export function waitForInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Builds the `oce` program with every command, writing through `io`. */
export function buildProgram(io: CliIo, waitForStop: () => Promise<void> = waitForInterrupt): Command {
  const program = new Command('oce')
    .description('Open Cooperative Ecosystem: ValueFlows accounting over Solid pods')
    .version(packageVersion(), '-V, --version', 'print the version of oce')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text.trimEnd()),
      writeErr: (text) => io.stderr(text.trimEnd()),
    });
  addInventoryCommand(program, io);
  addContributionsCommand(program, io);
  addTraceCommands(program, io);
  addPlanCommand(program, io);
  addStatusCommand(program, io);
  addDistributeCommand(program, io);
  addValidateCommand(program, io);
  addPodCommands(program, io);
  addPodPlanCommand(program, io);
  addImportCommand(program, io);
  addDemoCommand(program, io, waitForStop);
  addCrawlCommand(program, io);
  addServeCommand(program, io, waitForStop);
  return program;
}

/**
 * Runs `oce` with the given process arguments and returns the exit code: 0 on success, 1 when
 * the input or the work failed (the reason is on standard error), 2 on a usage error.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return ExitCode.ok;
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof CommandFailedError) {
      io.stderr(error.message);
      return error.exitCode;
    }
    io.stderr(describeError(error));
    return ExitCode.failed;
  }
}
