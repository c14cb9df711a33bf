import { DateTimeValue } from '../model/index.js';
import type { EconomicEvent, EconomicModel } from '../model/index.js';

/**
 * The bounds of a view: a half-open time range `[from, to)`, where an absent bound leaves that
 * side open, and optionally a scope whose activity alone counts.
 */
export interface Period {
  from: DateTimeValue | null;
  to: DateTimeValue | null;
  /** The bounds as the caller wrote them, for links and responses. */
  fromText: string | null;
  toText: string | null;
  /** A scope (with its sub-scopes) that events and contributions must belong to, or null for any. */
  scope: string | null;
}

/** The whole record: no bound on either side and no scope filter. */
export const WHOLE_RECORD: Period = { from: null, to: null, fromText: null, toText: null, scope: null };

/** Raised when a period bound is not an ISO 8601 date or date-time, or the range is empty. */
export class InvalidPeriodError extends Error {
  public constructor(public readonly parameter: string, message: string) {
    super(message);
    this.name = 'InvalidPeriodError';
  }
}

/**
 * Reads the `from` and `to` bounds of a view from their text, either of which may be absent.
 * A bound is an `xsd:date` (midnight UTC) or an `xsd:dateTime`; without an offset it is UTC.
 */
export function parsePeriod(from: string | undefined, to: string | undefined, scope?: string): Period {
  const period = {
    from: parseBound('from', from), to: parseBound('to', to), fromText: from || null, toText: to || null,
    scope: scope || null,
  };
  if (period.from !== null && period.to !== null && period.from.compare(period.to) >= 0) {
    throw new InvalidPeriodError('to', `Expected [to] after [from], got from [${from}] and to [${to}]`);
  }
  return period;
}

function parseBound(parameter: string, text: string | undefined): DateTimeValue | null {
  if (text === undefined || text === '') {
    return null;
  }
  const value = DateTimeValue.parse(text);
  if (value === undefined || value.hasExpandedYear || !value.hasValidFields()) {
    throw new InvalidPeriodError(parameter, `Expected [${parameter}] to be an ISO 8601 date or date-time such as ` +
      `2026-12-01 or 2026-12-01T09:00:00Z, got [${text}]`);
  }
  return value;
}

/** Returns the period's bounds as the caller wrote them, for links and responses. */
export function periodToJson(period: Period): { from: string | null; to: string | null; scope: string | null } {
  return { from: period.fromText, to: period.toText, scope: period.scope };
}

/** Returns a cache key that is equal for equal bounds as written. */
export function periodKey(period: Period): string {
  return JSON.stringify([period.fromText, period.toText, period.scope]);
}

/**
 * Returns the time of an event as the accounting orders it (`hasPointInTime`, else `hasEnd`, else
 * `hasBeginning`), or null when it has none or it cannot be read, because such an event belongs
 * to the start of the record.
 */
export function eventTime(event: EconomicEvent): DateTimeValue | null {
  const text = event.hasPointInTime ?? event.hasEnd ?? event.hasBeginning;
  const value = text === undefined ? undefined : DateTimeValue.parse(text.trim());
  return value === undefined || value.hasExpandedYear ? null : value;
}

/** Tells whether the event's time lies in the period; an undated event lies before every `from`. */
export function isInPeriod(event: EconomicEvent, period: Period): boolean {
  const time = eventTime(event);
  if (period.from !== null && (time === null || time.compare(period.from) < 0)) {
    return false;
  }
  return period.to === null || time === null || time.compare(period.to) < 0;
}

/**
 * Returns a copy of the model with only the events of the period. A correction whose corrected
 * event falls outside the period is left out with it, so no figure contains half a correction.
 */
export function modelForPeriod(model: EconomicModel, period: Period): EconomicModel {
  if (period.from === null && period.to === null) {
    return model;
  }
  const events = new Map<string, EconomicEvent>();
  for (const event of model.events.values()) {
    if (isInPeriod(event, period)) {
      events.set(event.id, event);
    }
  }
  for (const event of [...events.values()]) {
    if (event.corrects !== undefined && !events.has(event.corrects)) {
      events.delete(event.id);
    }
  }
  return { ...model, events, problems: [] };
}
