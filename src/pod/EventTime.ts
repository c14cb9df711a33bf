import type { Quad } from 'n3';
import { DateTimeValue } from '../model/index.js';
import { VF } from '../vocab/index.js';

/**
 * Parses an `xsd:dateTime` or `xsd:date` lexical form into an instant. A value without a time zone
 * is read as UTC, so the day of an event does not depend on the machine's zone. A date alone is
 * midnight UTC. An offset with a one-digit hour (`-5:00`, as upstream ValueFlows examples write
 * it) is read as its two-digit form. Throws a `RangeError` naming the text when it is neither, or
 * when a field is out of range (month 13).
 */
export function parseEventTime(text: string): Date {
  const value = DateTimeValue.parse(text.trim());
  if (value === undefined || (value.hasTime && !value.hasSeconds)) {
    throw new RangeError(`Expected an xsd:dateTime or xsd:date such as [2026-12-04T10:00:00Z], got [${text}]`);
  }
  if (value.hasExpandedYear || !value.hasValidFields()) {
    throw new RangeError(`Expected a valid calendar date and time, got [${text}]`);
  }
  return value.toDate();
}

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
