import { DateTimeValue } from '../model/index.js';
import type { EconomicEvent } from '../model/index.js';

/** The two times of an event that order it; null when absent or unreadable. */
export interface EventTimeKey {
  /** `hasPointInTime`, else `hasEnd`, else `hasBeginning`. */
  time: DateTimeValue | null;
  created: DateTimeValue | null;
}

function readTime(text: string | undefined): DateTimeValue | null {
  const time = text === undefined ? undefined : DateTimeValue.parse(text.trim());
  return time === undefined || time.hasExpandedYear ? null : time;
}

/** Null sorts first, as an undated event sorts first in the accounting's replay order. */
export function compareTimes(a: DateTimeValue | null, b: DateTimeValue | null): number {
  if (a === null || b === null) {
    return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  }
  return a.compare(b);
}

/** Reads the time keys of events once each, as the accounting's replay order reads them. */
export class EventTimes {
  private readonly keys = new Map<string, EventTimeKey>();

  /** Returns the time key of an event. */
  public keyOf(event: EconomicEvent): EventTimeKey {
    let key = this.keys.get(event.id);
    if (key === undefined) {
      key = {
        time: readTime(event.hasPointInTime ?? event.hasEnd ?? event.hasBeginning),
        created: readTime(event.created),
      };
      this.keys.set(event.id, key);
    }
    return key;
  }

  /**
   * Tells whether `a` is known to happen before `b`: both have an event time and `a`'s is
   * earlier, or the times are equal and both have a `created` and `a`'s is earlier. Without
   * the times to compare, neither is known to come first.
   */
  public isKnownBefore(a: EconomicEvent, b: EconomicEvent): boolean {
    const left = this.keyOf(a);
    const right = this.keyOf(b);
    if (left.time === null || right.time === null) {
      return false;
    }
    const compared = left.time.compare(right.time);
    if (compared !== 0 || left.created === null || right.created === null) {
      return compared < 0;
    }
    return left.created.compare(right.created) < 0;
  }
}
