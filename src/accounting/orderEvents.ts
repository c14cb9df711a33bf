import { DateTimeValue, problem } from '../model/index.js';
import type { EconomicEvent, Problem } from '../model/index.js';
import { compareCodeUnits } from './compareCodeUnits.js';

/** Events in replay order, with the problems found while reading their times. */
export interface OrderedEvents {
  events: EconomicEvent[];
  problems: Problem[];
}

interface TimeKey {
  time: DateTimeValue | null;
  problem: string | null;
}

/**
 * Reads an ISO 8601 date or date-time with a four-digit year. A time without an offset is read as
 * UTC (so the order never depends on the machine's time zone) and reported, because
 * `xsd:dateTimeStamp` requires an offset.
 * NOTE: a field out of its range (month 13) is not reported; it carries over into the next field.
 */
function parseTime(text: string): TimeKey {
  const time = DateTimeValue.parse(text.trim());
  if (time === undefined || time.hasExpandedYear) {
    return { time: null, problem: `is not an ISO 8601 date-time, got [${text}]; the event sorts as undated` };
  }
  const note = time.offsetMinutes === undefined ? `has no time zone offset, got [${text}]; it was read as UTC` : null;
  return { time, problem: note };
}

interface SortKey {
  event: EconomicEvent;
  time: DateTimeValue | null;
  created: DateTimeValue | null;
}

/** Undated sorts first: an unknown time is treated as the start of the record. */
function compareTimes(a: DateTimeValue | null, b: DateTimeValue | null): number {
  if (a === null || b === null) {
    return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  }
  return a.compare(b);
}

function keyOf(event: EconomicEvent, problems: Problem[]): SortKey {
  const read = (field: 'hasPointInTime' | 'hasEnd' | 'hasBeginning' | 'created'): DateTimeValue | null => {
    const text = event[field];
    if (text === undefined) {
      return null;
    }
    const parsed = parseTime(text);
    if (parsed.problem !== null) {
      const severity = parsed.time === null ? 'error' : 'warning';
      problems.push(problem(severity, `The ${field} of event [${event.id}] ${parsed.problem}.`,
        { subject: event.id, source: event.source }));
    }
    return parsed.time;
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
    compareCodeUnits(a.event.id, b.event.id));
  return { events: keys.map((key) => key.event), problems };
}
