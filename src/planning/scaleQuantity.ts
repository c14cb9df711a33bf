import { Decimal } from '../model/index.js';

/** Decimal places kept when a scaled quantity has no finite decimal expansion, such as 1/3. */
export const INEXACT_SCALE = 9;

/** A scaled quantity, and whether it is exact or was rounded up to {@link INEXACT_SCALE} places. */
export interface ScaledValue {
  value: Decimal;
  exact: boolean;
}

/**
 * Returns `value × demanded ÷ perBatch`, the recipe quantity `value` for a batch of `perBatch`
 * scaled to `demanded`. The result is exact whenever the ratio has a finite decimal expansion;
 * otherwise it is rounded up, because a plan that requests slightly too little cannot be met.
 */
export function scaleQuantity(value: Decimal, demanded: Decimal, perBatch: Decimal): ScaledValue {
  const numerator = value.times(demanded);
  if (terminates(numerator, perBatch)) {
    return { value: numerator.dividedBy(perBatch), exact: true };
  }
  const Rounding = Decimal.clone({ precision: 60 });
  const approximate = new Rounding(numerator.toFixed()).dividedBy(perBatch.toFixed());
  return { value: new Decimal(approximate.toDecimalPlaces(INEXACT_SCALE, Decimal.ROUND_UP).toFixed()), exact: false };
}

/**
 * Tells whether `numerator / denominator` has a finite decimal expansion, which holds when its
 * reduced denominator has no prime factors other than 2 and 5.
 */
function terminates(numerator: Decimal, denominator: Decimal): boolean {
  const places = Math.max(numerator.decimalPlaces(), denominator.decimalPlaces());
  const top = BigInt(numerator.abs().times(`1e${places}`).toFixed());
  let bottom = BigInt(denominator.abs().times(`1e${places}`).toFixed());
  bottom /= gcd(top, bottom);
  for (const factor of [2n, 5n]) {
    while (bottom % factor === 0n) {
      bottom /= factor;
    }
  }
  return bottom === 1n;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}
