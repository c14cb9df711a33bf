import { Decimal } from '../model/index.js';

/**
 * Splits a whole number of minor units in proportion to `weights` by the largest remainder
 * method: each entry first gets the floor of `units × weight / total`, and the units left over
 * go one each to the entries with the largest remainders. Ties go to the earlier entry, so
 * callers sort the entries by their tie rule first. The parts always add up to `units`; all are
 * zero when the weights add up to zero. Weights must not be negative.
 */
export function allocateLargestRemainder(units: Decimal, weights: readonly Decimal[]): Decimal[] {
  const total = weights.reduce((sum, weight) => sum.plus(weight), new Decimal(0));
  if (total.isZero()) {
    return weights.map(() => new Decimal(0));
  }
  const parts = weights.map((weight) => units.times(weight).divToInt(total));
  // The remainder of each division, over the common divisor `total`, compared exactly.
  const remainders = weights.map((weight, index) => units.times(weight).minus((parts[index] as Decimal).times(total)));
  const left = units.minus(parts.reduce((sum, part) => sum.plus(part), new Decimal(0))).toNumber();
  const order = weights.map((_, index) => index)
    .sort((a, b) => (remainders[b] as Decimal).comparedTo(remainders[a] as Decimal) || a - b);
  for (const index of order.slice(0, left)) {
    parts[index] = (parts[index] as Decimal).plus(1);
  }
  return parts;
}
