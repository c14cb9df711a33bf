import type { Logger } from 'pino';

/** Levels whose repeats are grouped. */
export type GroupedLevel = 'info' | 'warn' | 'error';

/** Options of {@link GroupedLogger}. */
export interface GroupedLoggerOptions {
  /** Length of a group in milliseconds: repeats within it are counted, not logged; default 10 minutes. */
  windowMs?: number;
  /** Clock in milliseconds since the epoch; tests inject one. */
  now?: () => number;
  /**
   * Fields that, with the level and the message, identify a repeat. Default: every field whose
   * value is a string, number or boolean, so `{ webId, status }` separates pods and statuses.
   */
  keyFields?: string[];
}

interface RepeatGroup {
  level: GroupedLevel;
  message: string;
  fields: Record<string, unknown>;
  startedAt: number;
  lastAt: number;
  repeats: number;
}

/**
 * Logs repeated lines once per window with a count. The first line of a group is logged at once;
 * the same level, message and key fields within `windowMs` only raise a count. When the window
 * has passed, the next call (or {@link flush}) logs `<message> (repeated N more times)` with the
 * fields `repeated`, `firstAt` and `lastAt`. A pod that is down and polled every minute thus
 * logs one warning and then one count per window, not one warning per poll.
 */
export class GroupedLogger {
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly keyFields?: string[];
  private readonly groups = new Map<string, RepeatGroup>();

  public constructor(private readonly logger: Logger, options: GroupedLoggerOptions = {}) {
    this.windowMs = options.windowMs ?? 600_000;
    this.now = options.now ?? Date.now;
    this.keyFields = options.keyFields;
  }

  /** Logs an info line unless it repeats one of the current window. */
  public info(fields: Record<string, unknown>, message: string): void {
    this.log('info', fields, message);
  }

  /** Logs a warning unless it repeats one of the current window. */
  public warn(fields: Record<string, unknown>, message: string): void {
    this.log('warn', fields, message);
  }

  /** Logs an error unless it repeats one of the current window. */
  public error(fields: Record<string, unknown>, message: string): void {
    this.log('error', fields, message);
  }

  /** Logs the counts of all groups with repeats, ended or not, and clears every group. */
  public flush(): void {
    for (const group of this.groups.values()) {
      this.logRepeats(group);
    }
    this.groups.clear();
  }

  private log(level: GroupedLevel, fields: Record<string, unknown>, message: string): void {
    const now = this.now();
    this.closeEndedGroups(now);
    const key = this.keyOf(level, fields, message);
    const group = this.groups.get(key);
    if (group !== undefined) {
      group.repeats += 1;
      group.lastAt = now;
      return;
    }
    this.logger[level](fields, message);
    this.groups.set(key, { level, message, fields, startedAt: now, lastAt: now, repeats: 0 });
  }

  private closeEndedGroups(now: number): void {
    for (const [key, group] of this.groups) {
      if (now - group.startedAt >= this.windowMs) {
        this.logRepeats(group);
        this.groups.delete(key);
      }
    }
  }

  private logRepeats(group: RepeatGroup): void {
    if (group.repeats === 0) {
      return;
    }
    const fields = {
      ...group.fields,
      repeated: group.repeats,
      firstAt: new Date(group.startedAt).toISOString(),
      lastAt: new Date(group.lastAt).toISOString(),
    };
    const times = group.repeats === 1 ? 'time' : 'times';
    this.logger[group.level](fields, `${group.message} (repeated ${group.repeats} more ${times})`);
  }

  private keyOf(level: GroupedLevel, fields: Record<string, unknown>, message: string): string {
    const names = [...(this.keyFields ?? Object.keys(fields).filter((name) => isPrimitive(fields[name])))];
    const values = names.sort().map((name) => [name, isPrimitive(fields[name]) ? fields[name] : null]);
    return JSON.stringify([level, message, values]);
  }
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
