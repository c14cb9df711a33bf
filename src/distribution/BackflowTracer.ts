import { Decimal } from '../model/index.js';
import type { ActionId } from '../model/index.js';
import type { Contribution, ContributionSet } from './Contribution.js';
import { contributionValues } from './contributionValues.js';
import { divideDecimal } from './divideDecimal.js';
import type { RuleMatcher } from './RuleMatcher.js';
import type { BucketRule } from './ValueEquation.js';
import { ValueEquationError } from './ValueEquationError.js';

/** Actions through which a contribution brings in a resource that an earlier process may have produced. */
const RESOURCE_INPUTS: ReadonlySet<ActionId> = new Set(['consume', 'use', 'cite']);

/** Value credited to one agent under one rule for one contribution. */
export interface Credit {
  agent: string;
  rule: BucketRule;
  contribution: Contribution;
  /** The share of value the agent keeps from this contribution. */
  value: Decimal;
  /** The value this contribution passed on to the contributors of the resource's producing processes. */
  passedBack: Decimal;
}

/** Inputs of a {@link BackflowTracer} besides the contributions. */
export interface TraceContext {
  matcher: RuleMatcher;
  currency: string | null;
  /** Receives a sentence for each fact a reader of the result should know, such as a missing price. */
  note: (text: string) => void;
}

/**
 * Values the contributions a bucket's rules select and lets value flow backward. A `consume`,
 * `use` or `cite` of a resource produced by an earlier process passes `passBackPercent` of its
 * value to the contributions that were inputs of that process. They share it in proportion to
 * their own values under the bucket's rules, and their scope and date range are not checked. The walk goes
 * on from there and never enters a process twice on one path, so loops end. When no input of
 * the producing process has a value above zero, the contribution keeps all of its value.
 * NOTE: processes are remembered per path, so where many paths meet again upstream the walk
 * repeats for each path; its time grows with the number of paths, not of processes.
 */
export class BackflowTracer {
  private readonly inputsOf = new Map<string, Contribution[]>();

  public constructor(private readonly set: ContributionSet, private readonly context: TraceContext) {
    for (const contribution of set.contributions) {
      if (contribution.inputOf !== null) {
        const list = this.inputsOf.get(contribution.inputOf) ?? [];
        list.push(contribution);
        this.inputsOf.set(contribution.inputOf, list);
      }
    }
  }

  /** Returns the credits of every contribution the rules select, in contribution order. */
  public trace(rules: readonly BucketRule[]): Credit[] {
    const credits: Credit[] = [];
    for (const contribution of this.set.contributions) {
      const rule = this.context.matcher.firstMatch(rules, contribution);
      if (rule !== undefined) {
        this.credit(contribution, rule, this.valueOf(contribution, rule), new Set(), rules, credits);
      }
    }
    return credits;
  }

  private credit(contribution: Contribution, rule: BucketRule, value: Decimal, visited: ReadonlySet<string>,
    rules: readonly BucketRule[], credits: Credit[]): void {
    const passesBack = !value.isZero() && !rule.passBackPercent.isZero();
    const upstream = passesBack ? this.upstreamOf(contribution, visited, rules) : [];
    if (upstream.length === 0) {
      credits.push({ agent: contribution.agent, rule, contribution, value, passedBack: new Decimal(0) });
      return;
    }
    const passed = divideDecimal(value.times(rule.passBackPercent), new Decimal(100));
    credits.push({ agent: contribution.agent, rule, contribution, value: value.minus(passed), passedBack: passed });
    const total = upstream.reduce((sum, entry) => sum.plus(entry.value), new Decimal(0));
    const entered = new Set([...visited, ...this.producersOf(contribution)]);
    for (const entry of upstream) {
      const portion = divideDecimal(passed.times(entry.value), total);
      this.credit(entry.contribution, entry.rule, portion, entered, rules, credits);
    }
  }

  /** Returns the inputs, with a value above zero, of the processes that produced the contribution's resource. */
  private upstreamOf(contribution: Contribution, visited: ReadonlySet<string>, rules: readonly BucketRule[]):
    { contribution: Contribution; rule: BucketRule; value: Decimal }[] {
    const upstream = [];
    for (const process of this.producersOf(contribution)) {
      if (visited.has(process)) {
        continue;
      }
      for (const input of this.inputsOf.get(process) ?? []) {
        const rule = input === contribution ? undefined : this.context.matcher.firstMatch(rules, input, true);
        const value = rule === undefined ? undefined : this.valueOf(input, rule);
        if (rule !== undefined && value !== undefined && value.greaterThan(0)) {
          upstream.push({ contribution: input, rule, value });
        }
      }
    }
    return upstream;
  }

  private producersOf(contribution: Contribution): readonly string[] {
    if (!RESOURCE_INPUTS.has(contribution.action) || contribution.resource === null) {
      return [];
    }
    return this.set.producers.get(contribution.resource) ?? [];
  }

  /** Evaluates the rule's formula for one contribution; a negative value throws. */
  private valueOf(contribution: Contribution, rule: BucketRule): Decimal {
    const { values, unpriced } = contributionValues(contribution, this.context.currency);
    const missing = unpriced.filter((name) => rule.formula.usedVariables.has(name));
    if (missing.length > 0) {
      this.context.note(`Event [${contribution.event}] has no stated price, so [${missing.join(', ')}] ` +
        `counted as 0 in the formula of rule [${rule.id}].`);
    }
    const value = rule.formula.evaluate(values, contribution.event);
    if (value.isNegative() && !value.isZero()) {
      throw new ValueEquationError(`Formula [${rule.formula.text}] of rule [${rule.id}] gave [${value.toString()}] ` +
        `for event [${contribution.event}]; a contribution's value must not be negative`, rule.id);
    }
    return value;
  }
}
