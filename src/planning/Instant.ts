import { Decimal, DateTimeValue } from '../model/index.js';
import { PlanningError } from './PlanningError.js';

/**
 * A point in time as exact decimal seconds since 1970-01-01T00:00:00Z, so that subtracting
 * durations such as 0.1 second never rounds. Times without an offset are read as UTC.
 */
export class Instant {
  private constructor(public readonly epochSeconds: Decimal) {}

  /** Parses an `xsd:dateTime` or `xsd:date`; throws a {@link PlanningError} naming the text otherwise. */
  public static parse(text: string, description = 'time'): Instant {
    const value = DateTimeValue.parse(text.trim());
    if (value === undefined || !value.hasValidFields()) {
      throw new PlanningError(`Expected the ${description} as an xsd:dateTime such as 2026-12-24T17:00:00Z, got [${text}]`);
    }
    const fraction = value.fraction === '' ? '0' : `0.${value.fraction}`;
    return new Instant(new Decimal(value.epochSeconds).plus(fraction));
  }

  /** Returns the instant that is `seconds` earlier. */
  public minus(seconds: Decimal): Instant {
    return new Instant(this.epochSeconds.minus(seconds));
  }

  /** Compares exactly: negative when this is earlier, zero when equal, positive when later. */
  public compare(other: Instant): number {
    return this.epochSeconds.comparedTo(other.epochSeconds);
  }

  /** Formats in UTC as `2026-12-24T17:00:00Z`, with the fractional second only when there is one. */
  public toString(): string {
    const whole = this.epochSeconds.floor();
    const fraction = this.epochSeconds.minus(whole);
    const text = new Date(whole.toNumber() * 1000).toISOString().replace(/\.000Z$/u, '');
    const digits = fraction.isZero() ? '' : fraction.toFixed().slice(1);
    return `${text}${digits}Z`;
  }
}
