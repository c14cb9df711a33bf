import type { Quad } from 'n3';
import { DateTimeValue } from '../model/index.js';
import { VF } from '../vocab/index.js';

/** Largest time zone offset that `xsd:dateTime` allows, in minutes (14:00). */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Parses an `xsd:dateTime` or `xsd:date` lexical form into an instant. A value without a time zone
 * is read as UTC, so the day of an event does not depend on the machine's zone. A date alone is
 * midnight UTC. An offset with a one-digit hour (`-5:00`, as upstream ValueFlows examples write
 * it) is read as its two-digit form. Throws a `RangeError` naming the text when it is neither,
 * when a field is out of range (month 13), when the day is past the end of its month
 * (February 30), or when the offset is beyond ±14:00.
 */
export function parseEventTime(text: string): Date {
  const value = DateTimeValue.parse(text.trim());
  if (value === undefined || (value.hasTime && !value.hasSeconds)) {
    throw new RangeError(`Expected an xsd:dateTime or xsd:date such as [2026-12-04T10:00:00Z], got [${text}]`);
  }
  if (value.hasExpandedYear || !value.hasValidFields()) {
    throw new RangeError(`Expected a valid calendar date and time, got [${text}]`);
  }
  if (Math.abs(value.offsetMinutes ?? 0) > MAX_OFFSET_MINUTES) {
    throw new RangeError(`Expected a time zone offset between -14:00 and +14:00, got [${text}]`);
  }
  return value.toDate();
}

/** Returns the number of days of a month (1–12) in the proleptic Gregorian calendar. */

/** Properties that date an event, in order of preference. */
export const EVENT_TIME_PROPERTIES = [VF.hasPointInTime, VF.hasBeginning, VF.hasEnd] as const;

/**
 * Returns the lexical time of an event: its `vf:hasPointInTime`, else `vf:hasBeginning`,
 * else `vf:hasEnd`; `undefined` when it has none.
 */
export function findEventTime(quads: Quad[], subject: string): string | undefined {
  for (const property of EVENT_TIME_PROPERTIES) {
    const found = quads.find((candidate) =>
      candidate.subject.value === subject && candidate.predicate.equals(property));
    if (found !== undefined) {
      return found.object.value;
    }
  }
  return undefined;
}
