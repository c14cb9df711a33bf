/** Where a command writes its result and its diagnostics; tests pass buffers instead of the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The process's own standard output and standard error, each write ending with a newline. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Exit codes of every `oce` command: 0 when a result was computed (even with reported problems),
 * 1 when the input or the work failed, 2 when the command line itself is wrong.
 */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
} as const;

/** Thrown by a command to end with a message on standard error and the given exit code. */
export class CommandFailedError extends Error {
  public constructor(message: string, public readonly exitCode: number = ExitCode.failed) {
    super(message);
    this.name = 'CommandFailedError';
  }
}
