import { Decimal, formatDecimal } from '../model/index.js';
import { BackflowTracer } from './BackflowTracer.js';
import { BucketAllocator } from './BucketAllocator.js';
import type { ContributionSet } from './Contribution.js';
import type { BucketResult, DistributionResult, Payout, SubDistribution } from './DistributionResult.js';
import { MinorUnits } from './MinorUnits.js';
import { planTotalTargets } from './planTotalTargets.js';
import { RuleMatcher } from './RuleMatcher.js';
import type { Bucket, ValueEquation } from './ValueEquation.js';
import { ValueEquationError } from './ValueEquationError.js';

/** The total that earlier committed runs paid on one claim to one agent. */
export interface PriorPayout {
  /** The rule, or fixed-share bucket, whose claim was paid: `DistributionLine.claim`. */
  claim: string;
  agent: string;
  amount: Decimal;
}

/** Inputs of a {@link DistributionEngine} other than the equation and the amount. */
export interface DistributionOptions {
  contributions: ContributionSet;
  /** IRI of the currency's ResourceSpecification, or null when none is named. */
  currency: string | null;
  /** Digits after the decimal point of the currency's minor unit; 2 when not given. */
  scale?: number;
  /** The parent scopes of each scope, so that a rule's scope selects its sub-scopes. */
  scopeParents?: ReadonlyMap<string, readonly string[]>;
  /** Payouts of earlier committed runs, which debt-like and one-off claims count. */
  priorPayouts?: readonly PriorPayout[];
  /** The equation each sub-network runs on the share it receives, by agent IRI. */
  subEquations?: ReadonlyMap<string, ValueEquation>;
}

/**
 * Runs a value equation on an amount: a dry run that explains who receives what and why.
 *
 * Buckets are paid in `oce:order`. A bucket sized by a percentage of the total or a fixed
 * amount gets its planned target; one sized by a percentage of the remainder gets that share,
 * rounded down to the minor unit, of what the buckets before it have not paid. Each bucket
 * then pays its lines (see {@link BucketAllocator}). What no bucket paid is `undistributed`:
 * it is reported, never spread over the others. An agent with an equation in `subEquations`
 * runs it on everything it received, unless it already runs higher up in this run or the
 * equation fails on that amount; then the agent keeps it.
 */
export class DistributionEngine {
  private readonly units: MinorUnits;
  private readonly matcher: RuleMatcher;
  private readonly prior = new Map<string, Decimal>();

  public constructor(private readonly options: DistributionOptions) {
    this.units = new MinorUnits(options.scale ?? 2);
    this.matcher = new RuleMatcher(options.scopeParents ?? new Map());
    for (const { claim, agent, amount } of options.priorPayouts ?? []) {
      const key = JSON.stringify([claim, agent]);
      this.prior.set(key, (this.prior.get(key) ?? new Decimal(0)).plus(amount));
    }
  }

  /**
   * Distributes `amount` by `equation`. Throws a {@link ValueEquationError} for a negative amount,
   * an amount finer than the minor unit, buckets that allocate more than the amount, or a
   * formula that fails.
   */
  public run(equation: ValueEquation, amount: Decimal): DistributionResult {
    return this.runNested(equation, amount, new Set(equation.equationOf === null ? [] : [equation.equationOf]));
  }

  private runNested(equation: ValueEquation, amount: Decimal, running: ReadonlySet<string>): DistributionResult {
    this.checkAmount(equation, amount);
    const notes = new Set<string>();
    const note = (text: string): void => void notes.add(text);
    const targets = planTotalTargets(equation, amount, this.units);
    const { contributions, currency } = this.options;
    const tracer = new BackflowTracer(contributions, { matcher: this.matcher, currency, note });
    const buckets: BucketResult[] = [];
    let paid = new Decimal(0);
    for (const bucket of equation.buckets) {
      const target = this.units.fromUnits(targets.get(bucket.id) ?? this.remainderTarget(bucket, amount.minus(paid)));
      const credits = bucket.fixedShareTo === null ? tracer.trace(bucket.rules) : [];
      const context = { units: this.units, currency, priorPayout: this.priorPayout, note };
      const lines = new BucketAllocator(bucket, context).allocate(target, credits);
      const bucketPaid = lines.reduce((sum, line) => sum.plus(line.payout), new Decimal(0));
      buckets.push({ id: bucket.id, label: bucket.label, target, amount: bucketPaid, lines });
      paid = paid.plus(bucketPaid);
    }
    const result: DistributionResult = {
      equation: equation.id, amount, currency: this.options.currency, scale: this.units.scale,
      payouts: [], buckets, undistributed: amount.minus(paid), subDistributions: [], notes: [],
    };
    result.payouts = this.payoutsOf(buckets, running, result.subDistributions, note);
    result.notes = [...notes];
    return result;
  }

  private readonly priorPayout = (claim: string, agent: string): Decimal =>
    this.prior.get(JSON.stringify([claim, agent])) ?? new Decimal(0);

  /** Returns a percentage of the remainder in minor units, rounded down; the cut fraction stays in the remainder. */
  private remainderTarget(bucket: Bucket, remainder: Decimal): Decimal {
    const percent = bucket.size.kind === 'percentOfRemainder' ? bucket.size.percent : new Decimal(0);
    return this.units.toUnits(remainder).times(percent).divToInt(100);
  }

  private checkAmount(equation: ValueEquation, amount: Decimal): void {
    if (amount.isNegative() || !this.units.isWhole(amount)) {
      throw new ValueEquationError(`The amount to distribute by [${equation.id}] must be zero or more with at most ` +
        `${this.units.scale} decimal places, got [${formatDecimal(amount)}]`, equation.id);
    }
  }

  /** Sums payouts per agent, and replaces each sub-network's sum by what its own equation paid. */
  private payoutsOf(buckets: BucketResult[], running: ReadonlySet<string>, subDistributions: SubDistribution[],
    note: (text: string) => void): Payout[] {
    const totals = new Map<string, Decimal>();
    for (const line of buckets.flatMap((bucket) => bucket.lines)) {
      totals.set(line.agent, (totals.get(line.agent) ?? new Decimal(0)).plus(line.payout));
    }
    const final = new Map<string, Decimal>();
    const add = (agent: string, amount: Decimal): void =>
      void final.set(agent, (final.get(agent) ?? new Decimal(0)).plus(amount));
    for (const [agent, amount] of [...totals].sort(([a], [b]) => (a < b ? -1 : Number(a > b)))) {
      const equation = this.options.subEquations?.get(agent);
      if (equation === undefined || amount.isZero()) {
        add(agent, amount);
      } else if (running.has(agent)) {
        note(`Sub-network [${agent}] already runs its equation higher up in this run, so it keeps its ` +
          `[${amount.toFixed(this.units.scale)}] without running it again.`);
        add(agent, amount);
      } else {
        const result = this.runSubNetwork(agent, equation, amount, running, note);
        if (result === null) {
          add(agent, amount);
        } else {
          subDistributions.push({ agent, result });
          result.payouts.forEach((payout) => add(payout.agent, payout.amount));
          add(agent, result.undistributed);
        }
      }
    }
    return [...final].filter(([, amount]) => amount.greaterThan(0)).sort(([a], [b]) => (a < b ? -1 : Number(a > b)))
      .map(([agent, amount]) => ({ agent, amount }));
  }

  /**
   * Runs a sub-network's equation on its share. An equation that cannot run on it, such as fixed
   * fees above the share, does not stop the parent's run: the sub-network keeps the share, and a
   * note gives the reason.
   */
  private runSubNetwork(agent: string, equation: ValueEquation, amount: Decimal, running: ReadonlySet<string>,
    note: (text: string) => void): DistributionResult | null {
    try {
      return this.runNested(equation, amount, new Set([...running, agent]));
    } catch (error: unknown) {
      if (!(error instanceof ValueEquationError)) {
        throw error;
      }
      note(`Sub-network [${agent}] keeps its [${amount.toFixed(this.units.scale)}] because its equation ` +
        `[${equation.id}] failed: ${error.message}.`);
      return null;
    }
  }
}

/** Runs `equation` on `amount`; shorthand for `new DistributionEngine(options).run(equation, amount)`. */
export function distribute(equation: ValueEquation, amount: Decimal, options: DistributionOptions): DistributionResult {
  return new DistributionEngine(options).run(equation, amount);
}
