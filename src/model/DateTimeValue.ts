/**
 * The lexical forms {@link DateTimeValue.parse} reads: `xsd:date` and `xsd:dateTime`, plus a time
 * without seconds (`T10:00`, which ISO 8601 allows) and an offset with a one-digit hour (`-5:00`,
 * as upstream ValueFlows examples write it).
 */
const LEXICAL_FORM =
  /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|([+-])(\d{1,2}):(\d{2}))?$/u;

/**
 * An ISO 8601 date or date-time as written in RDF data, read once into its fields. The instant
 * is kept exactly: whole seconds since the Unix epoch plus every digit of the fractional second,
 * so two values compare without rounding. A value without a time zone offset is read as UTC, so
 * results never depend on the machine's time zone, and a date alone is midnight.
 */
export class DateTimeValue {
  /** Year as written; negative or with more than four digits only in an ISO 8601 expanded year. */
  public readonly year: number;
  public readonly month: number;
  public readonly day: number;
  /** Hour, minute and second; zero where the text leaves them out. */
  public readonly hour: number;
  public readonly minute: number;
  public readonly second: number;
  /** Digits of the fractional second as written, or an empty string. */
  public readonly fraction: string;
  /** Offset from UTC in minutes, or undefined when the text has no time zone. */
  public readonly offsetMinutes: number | undefined;
  /** Whether the text has a time, and whether that time has seconds. */
  public readonly hasTime: boolean;
  public readonly hasSeconds: boolean;
  /** Whether the year has a sign or more than four digits (an ISO 8601 expanded year). */
  public readonly hasExpandedYear: boolean;
  /** Whether the offset hour has one digit (`-5:00`), which `xsd:dateTime` does not allow. */
  public readonly hasOneDigitOffsetHour: boolean;
  /**
   * Whole seconds since 1970-01-01T00:00:00Z. A field out of its range carries over into the
   * next larger one, as in `Date.UTC`: month 13 is January of the next year.
   */
  public readonly epochSeconds: number;
  /** Hour and minute of the offset as written, so an out-of-range minute is not folded into the hour. */
  private readonly offsetFields: [number, number];
  /** The fraction without trailing zeros, whose text order is numeric order. */
  private readonly fractionKey: string;

  private constructor(match: RegExpExecArray) {
    const [, year = '', month, day, hour, minute, second, fraction, zone, sign, offsetHour, offsetMinute] = match;
    this.year = Number(year);
    this.month = Number(month);
    this.day = Number(day);
    this.hour = Number(hour ?? 0);
    this.minute = Number(minute ?? 0);
    this.second = Number(second ?? 0);
    this.fraction = fraction ?? '';
    this.offsetFields = [Number(offsetHour ?? 0), Number(offsetMinute ?? 0)];
    this.offsetMinutes = zone === undefined ? undefined : offsetOf(sign, ...this.offsetFields);
    this.hasTime = hour !== undefined;
    this.hasSeconds = second !== undefined;
    this.hasExpandedYear = !/^\d{4}$/u.test(year);
    this.hasOneDigitOffsetHour = offsetHour?.length === 1;
    this.epochSeconds = this.computeEpochSeconds();
    this.fractionKey = this.fraction.replace(/0+$/u, '');
  }

  /** Reads `text` exactly as given (no trimming); returns undefined when it is not of the lexical form. */
  public static parse(text: string): DateTimeValue | undefined {
    const match = LEXICAL_FORM.exec(text);
    return match === null ? undefined : new DateTimeValue(match);
  }

  /** Tells whether the text is an `xsd:dateTime` lexically: a time with seconds and a two-digit offset hour. */
  public isXsdDateTime(): boolean {
    return this.hasTime && this.hasSeconds && !this.hasOneDigitOffsetHour;
  }

  /**
   * Tells whether every field is in its range: month 1–12, a day that its month has (February 29
   * only in a leap year of the proleptic Gregorian calendar), hour 0–23 (or 24:00:00 with a zero
   * fraction, the end of the day), minute and second 0–59, offset up to 23:59.
   */
  public hasValidFields(): boolean {
    const endOfDay = this.hour === 24 && this.minute === 0 && this.second === 0 && /^0*$/u.test(this.fraction);
    const [offsetHour, offsetMinute] = this.offsetFields;
    return inRange(this.month, 1, 12) && inRange(this.day, 1, daysInMonth(this.year, this.month)) &&
      (this.hour <= 23 || endOfDay) && this.minute <= 59 && this.second <= 59 && offsetHour <= 23 && offsetMinute <= 59;
  }

  /**
   * Compares two instants exactly. Returns a negative number when this one is earlier, a positive
   * number when it is later, and zero when both name the same instant.
   */
  public compare(other: DateTimeValue): number {
    if (this.epochSeconds !== other.epochSeconds) {
      return this.epochSeconds - other.epochSeconds;
    }
    if (this.fractionKey === other.fractionKey) {
      return 0;
    }
    return this.fractionKey < other.fractionKey ? -1 : 1;
  }

  /** Returns the instant as a `Date`, with the fractional second cut to whole milliseconds. */
  public toDate(): Date {
    const milliseconds = Number(this.fraction.slice(0, 3).padEnd(3, '0'));
    return new Date(this.epochSeconds * 1000 + milliseconds);
  }

  private computeEpochSeconds(): number {
    // setUTCFullYear, unlike Date.UTC, keeps the years 0 to 99 as written instead of adding 1900.
    const date = new Date(0);
    date.setUTCFullYear(this.year, this.month - 1, this.day);
    date.setUTCHours(this.hour, this.minute, this.second, 0);
    return date.getTime() / 1000 - (this.offsetMinutes ?? 0) * 60;
  }
}

/** Returns the signed offset in minutes; `Z` has no sign and is zero, and so is `-00:00`. */
function offsetOf(sign: string | undefined, hour: number, minute: number): number {
  const minutes = hour * 60 + minute;
  return sign === '-' && minutes !== 0 ? -minutes : minutes;
}

function inRange(value: number, min: number, max: number): boolean {
  return value >= min && value <= max;
}

/** Returns the number of days of a month in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps years 0–99 as written.
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}
