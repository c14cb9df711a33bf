import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Root logger of the process. Its level comes from `OCE_LOG_LEVEL` (default `warn`; the test
 * setup sets `silent`). Logs go to standard error so that standard output stays free for
 * command results such as `--json` documents.
 */
const root: Logger = pino(
  { level: process.env.OCE_LOG_LEVEL ?? 'warn', base: undefined },
  pino.destination({ fd: 2, sync: true }),
);

/** Returns a child logger that tags every line with the name of the class or module using it. */
export function getLogger(name: string): Logger {
  return root.child({ component: name });
}

/**
 * Sets the level of the root logger and so of every child logger that has not set its own, such
 * as the level from the aggregator's configuration.
 */
export function setLogLevel(level: string): void {
  root.level = level;
}

/** Returns the current level of the root logger. */
export function getLogLevel(): string {
  return root.level;
}
