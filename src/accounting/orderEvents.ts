import { problem } from '../model/index.js';
import type { EconomicEvent, Problem } from '../model/index.js';

/** Events in replay order, with the problems found while reading their times. */
export interface OrderedEvents {
  events: EconomicEvent[];
  problems: Problem[];
}

/**
 * ISO 8601 date or date-time. The offset may have a one-digit hour (`-5:00`) because upstream
 * VF examples write it that way and it is unambiguous.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{1,2}:\d{2})?$/u;

/**
 * An instant as whole seconds since the Unix epoch plus the digits of the fractional second
 * without trailing zeros. Comparing such digit strings as text orders them numerically, so
 * instants compare exactly without decimal arithmetic in the sort.
 */
interface Instant {
  whole: number;
  fraction: string;
}

interface TimeKey {
  seconds: Instant | null;
  problem: string | null;
}

function offsetSeconds(zone: string): number {
  if (zone === 'Z') {
    return 0;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number);
  return sign * ((hours ?? 0) * 3600 + (minutes ?? 0) * 60);
}

/**
 * Converts an ISO 8601 time to exact epoch seconds. A time without an offset is read as UTC (so
 * the order never depends on the machine's time zone) and reported, because `xsd:dateTimeStamp`
 * requires an offset.
 */
function parseTime(text: string): TimeKey {
  const match = DATE_TIME.exec(text.trim());
  if (match === null) {
    return { seconds: null, problem: `is not an ISO 8601 date-time, got [${text}]; the event sorts as undated` };
  }
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const whole = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0),
    Number(second ?? 0)) / 1000;
  const digits = (fraction ?? '').slice(1).replace(/0+$/u, '');
  const seconds = { whole: whole - offsetSeconds(zone ?? 'Z'), fraction: digits };
  const note = zone === undefined ? `has no time zone offset, got [${text}]; it was read as UTC` : null;
  return { seconds, problem: note };
}

interface SortKey {
  event: EconomicEvent;
  time: Instant | null;
  created: Instant | null;
}

/** Undated sorts first: an unknown time is treated as the start of the record. */
function compareTimes(a: Instant | null, b: Instant | null): number {
  if (a === null || b === null) {
    return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  }
  return a.whole - b.whole || compareText(a.fraction, b.fraction);
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function keyOf(event: EconomicEvent, problems: Problem[]): SortKey {
  const read = (field: 'hasPointInTime' | 'hasEnd' | 'hasBeginning' | 'created'): Instant | null => {
    const text = event[field];
    if (text === undefined) {
      return null;
    }
    const parsed = parseTime(text);
    if (parsed.problem !== null) {
      const severity = parsed.seconds === null ? 'error' : 'warning';
      problems.push(problem(severity, `The ${field} of event [${event.id}] ${parsed.problem}.`,
        { subject: event.id, source: event.source }));
    }
    return parsed.seconds;
  };
  const timeField = (['hasPointInTime', 'hasEnd', 'hasBeginning'] as const)
    .find((field) => event[field] !== undefined) ?? 'hasBeginning';
  return { event, time: read(timeField), created: read('created') };
}

/**
 * Sorts events into replay order: by event time (`hasPointInTime`, else `hasEnd`, else
 * `hasBeginning`), then by `created`, then by IRI in code-unit order. Times are compared as
 * instants, exactly. An event without a time (or with an unreadable one) sorts before every
 * dated event, and likewise for a missing `created`, so an undated opening balance comes first
 * and any dated event overrides what undated ones set.
 */
export function orderEvents(events: Iterable<EconomicEvent>): OrderedEvents {
  const problems: Problem[] = [];
  const keys = [...events].map((event) => keyOf(event, problems));
  keys.sort((a, b) => compareTimes(a.time, b.time) || compareTimes(a.created, b.created) ||
    compareText(a.event.id, b.event.id));
  return { events: keys.map((key) => key.event), problems };
}
