import { Decimal } from '../model/index.js';

/** Significant digits kept by {@link divideDecimal}. */
export const DIVISION_DIGITS = 40;

const Division = Decimal.clone({ precision: DIVISION_DIGITS, rounding: Decimal.ROUND_HALF_EVEN });

/**
 * Divides with {@link DIVISION_DIGITS} significant digits, rounding half to even. The project's
 * {@link Decimal} keeps a billion digits, so its own division of 1 by 3 would not end.
 */
export function divideDecimal(dividend: Decimal, divisor: Decimal): Decimal {
  return new Decimal(new Division(dividend.toString()).dividedBy(divisor.toString()).toString());
}
