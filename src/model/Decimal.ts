import { Decimal as DecimalJs } from 'decimal.js';

/**
 * Decimal type for every quantity and amount in the project.
 *
 * The precision is set to the library maximum (1e9 significant digits) so that addition,
 * subtraction and multiplication are exact for any input a pod can hold. Division is the
 * only operation that rounds, and callers that divide state their own scale and rounding.
 */
export const Decimal = DecimalJs.clone({ precision: 1e9, rounding: DecimalJs.ROUND_HALF_EVEN });

/** An instance of the project's exact {@link Decimal}. */
export type Decimal = InstanceType<typeof Decimal>;

/** Matches a plain decimal number as written in xsd:decimal, xsd:integer or xsd:double lexical forms. */
const DECIMAL_LEXICAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/u;

/**
 * Largest decimal exponent accepted. No quantity or amount needs more, and a larger one such as
 * `1e999999999` would print as a string of a billion digits.
 */
export const MAX_DECIMAL_EXPONENT = 1000;

/**
 * Parses a numeric literal's lexical form into an exact decimal.
 * Throws a `RangeError` naming the text when it is not a finite number, or when its magnitude
 * is beyond 10^±{@link MAX_DECIMAL_EXPONENT}.
 */
export function parseDecimal(text: string): Decimal {
  const trimmed = text.trim();
  if (!DECIMAL_LEXICAL.test(trimmed)) {
    throw new RangeError(`Expected a decimal number, got [${text}]`);
  }
  const value = new Decimal(trimmed);
  if (!value.isZero() && Math.abs(value.e) > MAX_DECIMAL_EXPONENT) {
    const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}...` : trimmed;
    throw new RangeError(
      `Expected a decimal number with a magnitude from 1e-${MAX_DECIMAL_EXPONENT} to 1e${MAX_DECIMAL_EXPONENT}, `
      + `got [${shown}]`,
    );
  }
  return value;
}

/**
 * Formats a decimal canonically: no exponent, no trailing fractional zeros, no negative zero
 * (`"95"`, `"0.5"`, `"-3.25"`).
 */
export function formatDecimal(value: Decimal): string {
  if (value.isZero()) {
    return '0';
  }
  return value.toFixed();
}
