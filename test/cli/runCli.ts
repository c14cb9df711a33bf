import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** What one in-process run of `oce` returned and wrote. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Absolute path of a fixture in `test/fixtures/cli/`. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/cli/${name}`, import.meta.url));
}

/** Absolute path of the repository root. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `oce` in process with the given arguments (without `node` and the script) and collects
 * every write to standard output and standard error, one write per line as the process would.
 */
export async function runCli(...args: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCode = await main(['node', 'oce', ...args], {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
  });
  return { exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Matches a line of a JavaScript stack trace, which `oce` never prints. */
export const STACK_TRACE_LINE = /^\s+at /mu;
