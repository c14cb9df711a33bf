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
 * Parses a numeric literal's lexical form into an exact decimal.
 * Throws a `RangeError` naming the text when it is not a finite number.
 */
export function parseDecimal(text: string): Decimal {
  const trimmed = text.trim();
  if (!DECIMAL_LEXICAL.test(trimmed)) {
    throw new RangeError(`Expected a decimal number, got [${text}]`);
  }
  return new Decimal(trimmed);
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
