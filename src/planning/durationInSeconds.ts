import { Decimal, formatDecimal } from '../model/index.js';
import type { Quantity } from '../model/index.js';
import { OM2 } from '../vocab/index.js';
import { PlanningError } from './PlanningError.js';

/**
 * Length in seconds of the OM 2 time units that have an exact definition there: second, minute,
 * hour, day, week (604800 s), year (31556952 s, the mean Gregorian year OM 2 defines) and shake
 * (1e-8 s). Month has no length in OM 2, and the sidereal and tropical units only rounded ones,
 * so they are rejected.
 */
const SECONDS_PER_UNIT: Record<string, string> = {
  'second-Time': '1',
  'minute-Time': '60',
  hour: '3600',
  day: '86400',
  week: '604800',
  year: '31556952',
  shake: '1e-8',
};

/** SI prefixes of the OM 2 prefixed seconds (`millisecond-Time`, `kilosecond-Time`, …) as powers of ten. */
const SI_PREFIXES: Record<string, number> = {
  yocto: -24, zepto: -21, atto: -18, femto: -15, pico: -12, nano: -9, micro: -6, milli: -3, centi: -2,
  deci: -1, deca: 1, hecto: 2, kilo: 3, mega: 6, giga: 9, tera: 12, peta: 15, exa: 18, zetta: 21, yotta: 24,
};

/**
 * Converts a duration Measure such as `vf:hasDuration` to exact seconds. Throws a
 * {@link PlanningError} for a negative value or a unit that is not an exact OM 2 time unit.
 */
export function durationInSeconds(duration: Quantity, subject?: string): Decimal {
  const perUnit = secondsPerUnit(duration.unit);
  if (perUnit === undefined) {
    throw new PlanningError(`Expected a duration in an OM 2 time unit with an exact length (second, minute, hour, ` +
      `day, week, year or a prefixed second), got [${formatDecimal(duration.value)}] [${duration.unit}]`, subject);
  }
  if (duration.value.isNegative()) {
    throw new PlanningError(`Expected a duration of zero or more, got [${formatDecimal(duration.value)}]`, subject);
  }
  return duration.value.times(perUnit);
}

function secondsPerUnit(unit: string): Decimal | undefined {
  if (!unit.startsWith(OM2.namespace)) {
    return undefined;
  }
  const localName = unit.slice(OM2.namespace.length);
  const fixed = SECONDS_PER_UNIT[localName];
  if (fixed !== undefined) {
    return new Decimal(fixed);
  }
  const prefixed = /^([a-z]+)second-Time$/u.exec(localName);
  const exponent = prefixed?.[1] === undefined ? undefined : SI_PREFIXES[prefixed[1]];
  return exponent === undefined ? undefined : new Decimal(`1e${exponent}`);
}
