import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DistributionEngine, Formula, ValueEquationError } from '../../src/distribution/index.js';
import type {
  Bucket, BucketRule, BucketSize, ClaimKind, Contribution, ContributionSet, DistributionResult, PriorPayout,
  ValueEquation,
} from '../../src/distribution/index.js';
import { Decimal } from '../../src/model/index.js';
import type { ActionId } from '../../src/model/index.js';
import { contribution, EX } from './factories.js';

const AGENTS = ['ann', 'ben', 'cat', 'dan', 'sub'];
const FORMULAS = ['hours', 'quantity', 'hours * 2 + quantity', 'min(hours, 3)', '1', 'value', 'max(quantity, hours) / 7'];
const VARIABLES = ['hours', 'quantity', 'value'];

const decimalArbitrary = (max: number, places: number): fc.Arbitrary<Decimal> =>
  fc.integer({ min: 0, max: max * 10 ** places }).map((units) => new Decimal(units).dividedBy(10 ** places));

const contributionArbitrary: fc.Arbitrary<Contribution> = fc.record({
  agent: fc.constantFrom(...AGENTS),
  action: fc.constantFrom<ActionId>('work', 'use', 'consume', 'cite'),
  hours: decimalArbitrary(100, 2),
  quantity: decimalArbitrary(50, 3),
  resource: fc.constantFrom(null, `${EX}r1`, `${EX}r2`),
  inputOf: fc.constantFrom(null, `${EX}p1`, `${EX}p2`),
}).map((fields) => ({
  ...contribution('e', fields.agent, { action: fields.action, resource: fields.resource, inputOf: fields.inputOf }),
  hours: fields.hours, quantity: fields.quantity,
}));

const contributionSetArbitrary: fc.Arbitrary<ContributionSet> = fc.record({
  contributions: fc.array(contributionArbitrary, { maxLength: 12 }),
  r1: fc.subarray([`${EX}p1`, `${EX}p2`]),
  r2: fc.subarray([`${EX}p1`, `${EX}p2`]),
}).map(({ contributions, r1, r2 }) => ({
  contributions: contributions.map((entry, index) => ({ ...entry, event: `${EX}e${index}` })),
  producers: new Map([[`${EX}r1`, r1], [`${EX}r2`, r2]]),
}));

const claimArbitrary = fc.record({
  kind: fc.constantFrom<ClaimKind | null>(null, 'equityLike', 'oneOff', 'debtLike'),
  cap: fc.constantFrom('value', 'hours * 3', '25', 'quantity'),
});

const ruleArbitrary = (bucket: number, index: number): fc.Arbitrary<BucketRule> => fc.record({
  formula: fc.constantFrom(...FORMULAS),
  actions: fc.subarray<ActionId>(['work', 'use', 'consume', 'cite']),
  passBack: decimalArbitrary(100, 1),
  claim: claimArbitrary,
}).map(({ formula, actions, passBack, claim }) => {
  const id = `${EX}b${bucket}-r${index}`;
  return {
    id, label: null, order: index, actions, resourceClassifications: [], processClassifications: [], scopes: [],
    startDate: null, endDate: null, formula: Formula.compile(formula, VARIABLES, id), passBackPercent: passBack,
    claimKind: claim.kind, cap: claim.kind === 'debtLike' ? Formula.compile(claim.cap, VARIABLES, id) : null,
  };
});

/** Buckets sized by the total or a fixed amount come first, then those sized by the remainder. */
const bucketArbitrary = (order: number, size: fc.Arbitrary<BucketSize>): fc.Arbitrary<Bucket> => fc.record({
  size,
  fixedShareTo: fc.option(fc.constantFrom(...AGENTS), { nil: null }),
  rules: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  claim: claimArbitrary,
}).chain(({ size, fixedShareTo, rules, claim }) =>
  fc.tuple(...rules.map((_, index) => ruleArbitrary(order, index))).map((ruleList) => {
    const id = `${EX}b${order}`;
    let cap: Formula | null = null;
    if (claim.kind === 'debtLike') {
      cap = fixedShareTo === null ? Formula.compile(claim.cap, VARIABLES, id) : Formula.compile('25', [], id);
    }
    return {
      id, label: null, order, size, fixedShareTo: fixedShareTo === null ? null : `${EX}${fixedShareTo}`,
      rules: fixedShareTo === null ? ruleList : [], claimKind: claim.kind,
      cap,
    };
  }));

const percentOfTotal = decimalArbitrary(60, 2).map((percent): BucketSize => ({ kind: 'percentOfTotal', percent }));
const fixedAmount = decimalArbitrary(20, 0).map((amount): BucketSize => ({ kind: 'fixedAmount', amount }));
const percentOfRemainder = decimalArbitrary(100, 3).map((percent): BucketSize => ({ kind: 'percentOfRemainder', percent }));

const equationArbitrary = (id: string): fc.Arbitrary<ValueEquation> => fc.record({
  first: fc.array(fc.oneof(percentOfTotal, fixedAmount), { maxLength: 3 }),
  then: fc.array(percentOfRemainder, { maxLength: 3 }),
}).chain(({ first, then }) => fc.tuple(...[...first, ...then].map((size, index) =>
  bucketArbitrary(index + 1, fc.constant(size))))).map((buckets) => ({ id, label: null, equationOf: null, buckets }));

const priorArbitrary: fc.Arbitrary<PriorPayout[]> = fc.array(fc.record({
  claim: fc.constantFrom(`${EX}b1`, `${EX}b1-r0`, `${EX}b2-r0`, `${EX}b2-r1`),
  agent: fc.constantFrom(...AGENTS.map((agent) => `${EX}${agent}`)),
  amount: decimalArbitrary(30, 2),
}), { maxLength: 4 });

function runOrReject(run: () => DistributionResult): DistributionResult | null {
  try {
    return run();
  } catch (error: unknown) {
    if (error instanceof ValueEquationError && /allocates \[/u.test(error.message)) {
      return null;
    }
    throw error;
  }
}

function checkConservation(result: DistributionResult): void {
  const paid = result.payouts.reduce((sum, payout) => sum.plus(payout.amount), new Decimal(0));
  assert.equal(paid.plus(result.undistributed).toString(), result.amount.toString());
  for (const payout of result.payouts) {
    assert.ok(payout.amount.greaterThan(0));
    assert.ok(payout.amount.times(10 ** result.scale).isInteger());
  }
  for (const bucket of result.buckets) {
    const lines = bucket.lines.reduce((sum, line) => sum.plus(line.payout), new Decimal(0));
    assert.equal(lines.toString(), bucket.amount.toString());
    assert.ok(!bucket.amount.greaterThan(bucket.target));
  }
  assert.ok(!result.undistributed.isNegative());
}

describe('A DistributionEngine on random equations', () => {
  it('pays out exactly the amount, undistributed included.', () => {
    fc.assert(fc.property(
      equationArbitrary(`${EX}top`), equationArbitrary(`${EX}sub-equation`), contributionSetArbitrary, priorArbitrary,
      fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }),
      (equation, subEquation, set, prior, units, scale) => {
        const amount = new Decimal(units).dividedBy(10 ** scale);
        const engine = new DistributionEngine({
          contributions: set, currency: null, scale, priorPayouts: prior,
          subEquations: new Map([[`${EX}sub`, subEquation]]),
        });
        const result = runOrReject(() => engine.run(equation, amount));
        if (result !== null) {
          checkConservation(result);
        }
      },
    ), { numRuns: 500 });
  });

  it('rejects percentages of the total that add up to more than 100.', () => {
    const over = fc.array(decimalArbitrary(100, 2), { minLength: 1, maxLength: 5 })
      .filter((percents) => percents.reduce((sum, each) => sum.plus(each), new Decimal(0)).greaterThan(100));
    fc.assert(fc.property(over, fc.integer({ min: 0, max: 1_000_000 }), (percents, units) => {
      const buckets: Bucket[] = percents.map((percent, index) => ({
        id: `${EX}b${index + 1}`, label: null, order: index + 1, size: { kind: 'percentOfTotal', percent },
        fixedShareTo: `${EX}ann`, rules: [], claimKind: null, cap: null,
      }));
      const total = percents.reduce((sum, each) => sum.plus(each), new Decimal(0));
      const contributions = { contributions: [], producers: new Map<string, string[]>() };
      const engine = new DistributionEngine({ contributions, currency: null });
      const equation: ValueEquation = { id: `${EX}e`, label: null, equationOf: null, buckets };
      assert.throws(() => engine.run(equation, new Decimal(units).dividedBy(100)),
        { name: 'ValueEquationError', message: `Value equation [${EX}e] allocates [${total.toString()}] % of the total, more than 100 %` });
    }), { numRuns: 200 });
  });
});
