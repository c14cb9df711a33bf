import type { Quad } from 'n3';
import { VF } from '../vocab/index.js';

const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?))?(Z|[+-]\d{1,2}:\d{2})?$/u;

/**
 * Parses an `xsd:dateTime` or `xsd:date` lexical form into an instant. A value without a time zone
 * is read as UTC, so the day of an event does not depend on the machine's zone. A date alone is
 * midnight UTC. An offset with a one-digit hour (`-5:00`, as upstream ValueFlows examples write
 * it) is read as its two-digit form. Throws a `RangeError` naming the text when it is neither.
 */
export function parseEventTime(text: string): Date {
  const match = DATE_TIME.exec(text.trim());
  if (match === null) {
    throw new RangeError(`Expected an xsd:dateTime or xsd:date such as [2026-12-04T10:00:00Z], got [${text}]`);
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', written = 'Z'] = match;
  const zone = written.replace(/^([+-])(\d):/u, (_whole, sign: string, hour: string) => `${sign}0${hour}:`);
  const time = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  if (Number.isNaN(time.getTime())) {
    throw new RangeError(`Expected a valid calendar date and time, got [${text}]`);
  }
  return time;
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
