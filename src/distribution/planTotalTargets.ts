import { Decimal } from '../model/index.js';
import { allocateLargestRemainder } from './allocateLargestRemainder.js';
import type { MinorUnits } from './MinorUnits.js';
import type { ValueEquation } from './ValueEquation.js';
import { ValueEquationError } from './ValueEquationError.js';

/**
 * Checks that an equation's buckets fit in `amount` and returns, in minor units, the target
 * of each bucket whose size does not depend on the order: a percentage of the total or a fixed
 * amount. Percentages of the total are rounded together by the largest remainder method, with
 * the part left unallocated as one more entry after them, so that 100 % pays the whole amount.
 * Throws a {@link ValueEquationError}, naming the total, when the percentages of the total add
 * up to more than 100, or when they and the fixed amounts add up to more than `amount`; also
 * when a fixed amount is not a whole number of minor units, or when such a bucket follows a
 * bucket sized by the remainder, because what remains there depends on the buckets before it.
 */
export function planTotalTargets(equation: ValueEquation, amount: Decimal, units: MinorUnits): Map<string, Decimal> {
  checkOrder(equation);
  const percentBuckets = equation.buckets.flatMap((bucket) =>
    (bucket.size.kind === 'percentOfTotal' ? [{ id: bucket.id, percent: bucket.size.percent }] : []));
  const percentTotal = percentBuckets.reduce((sum, bucket) => sum.plus(bucket.percent), new Decimal(0));
  if (percentTotal.greaterThan(100)) {
    throw new ValueEquationError(`Value equation [${equation.id}] allocates [${percentTotal.toString()}] % of the ` +
      'total, more than 100 %', equation.id);
  }
  const { targets, fixedTotal } = fixedTargets(equation, units);
  const allocated = amount.times(percentTotal).dividedBy(100).plus(fixedTotal);
  if (allocated.greaterThan(amount)) {
    throw new ValueEquationError(`Value equation [${equation.id}] allocates [${allocated.toString()}] of an amount of ` +
      `[${amount.toString()}]: [${percentTotal.toString()}] % of the total plus fixed amounts of ` +
      `[${fixedTotal.toString()}]`, equation.id);
  }

  // Percentages of the total and the unallocated rest are rounded together, the rest last.
  const weights = [...percentBuckets.map((bucket) => bucket.percent), new Decimal(100).minus(percentTotal)];
  const parts = allocateLargestRemainder(units.toUnits(amount), weights);
  percentBuckets.forEach((bucket, index) => targets.set(bucket.id, parts[index] as Decimal));
  return targets;
}

/** Returns the fixed-amount buckets' targets in minor units and their sum in the currency. */
function fixedTargets(equation: ValueEquation, units: MinorUnits):
  { targets: Map<string, Decimal>; fixedTotal: Decimal } {
  const targets = new Map<string, Decimal>();
  let fixedTotal = new Decimal(0);
  for (const bucket of equation.buckets) {
    if (bucket.size.kind !== 'fixedAmount') {
      continue;
    }
    if (!units.isWhole(bucket.size.amount)) {
      throw new ValueEquationError(`oce:fixedAmount of bucket [${bucket.id}] is [${bucket.size.amount.toString()}], ` +
        `which has more than ${units.scale} decimal places`, bucket.id);
    }
    targets.set(bucket.id, units.toUnits(bucket.size.amount));
    fixedTotal = fixedTotal.plus(bucket.size.amount);
  }
  return { targets, fixedTotal };
}

function checkOrder(equation: ValueEquation): void {
  let remainderBucket: string | null = null;
  for (const bucket of equation.buckets) {
    if (bucket.size.kind === 'percentOfRemainder') {
      remainderBucket ??= bucket.id;
    } else if (remainderBucket !== null) {
      throw new ValueEquationError(`Bucket [${bucket.id}] of equation [${equation.id}] is sized by the total or a ` +
        `fixed amount but follows bucket [${remainderBucket}], which is sized by the remainder; order such ` +
        'buckets first', bucket.id);
    }
  }
}
