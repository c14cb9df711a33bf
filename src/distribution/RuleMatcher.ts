import { DateTimeValue } from '../model/index.js';
import type { Contribution } from './Contribution.js';
import type { BucketRule } from './ValueEquation.js';

/** Seconds in a day, added to an end date without a time so that it covers its whole day. */
const DAY_SECONDS = 86_400;

/**
 * Decides which contributions a bucket rule selects: by action, resource classification,
 * process classification, scope and date range. Each list filter matches when it is empty or
 * when the contribution has one of its values. A scope matches its sub-scopes too, found by
 * walking the map from each scope to its parents (a scope seen before is not walked again).
 */
export class RuleMatcher {
  public constructor(private readonly scopeParents: ReadonlyMap<string, readonly string[]>) {}

  /**
   * Tells whether `rule` selects `contribution`. With `upstream` set, scope and date range are
   * not checked: work behind a used resource was done earlier and often in another project.
   */
  public matches(rule: BucketRule, contribution: Contribution, upstream = false): boolean {
    const anyOf = (listed: string[], found: string[]): boolean =>
      listed.length === 0 || listed.some((value) => found.includes(value));
    if (rule.actions.length > 0 && !rule.actions.includes(contribution.action)) {
      return false;
    }
    if (!anyOf(rule.resourceClassifications, contribution.resourceClassifications) ||
      !anyOf(rule.processClassifications, contribution.processClassifications)) {
      return false;
    }
    return upstream || (this.inScope(rule, contribution) && inDateRange(rule, contribution));
  }

  /** Returns the first rule, in rule order, that selects the contribution, or undefined. */
  public firstMatch(rules: readonly BucketRule[], contribution: Contribution,
    upstream = false): BucketRule | undefined {
    return rules.find((rule) => this.matches(rule, contribution, upstream));
  }

  private inScope(rule: BucketRule, contribution: Contribution): boolean {
    if (rule.scopes.length === 0) {
      return true;
    }
    const seen = new Set<string>();
    const queue = contribution.scope === null ? [] : [contribution.scope];
    for (let scope = queue.shift(); scope !== undefined; scope = queue.shift()) {
      if (rule.scopes.includes(scope)) {
        return true;
      }
      seen.add(scope);
      queue.push(...(this.scopeParents.get(scope) ?? []).filter((parent) => !seen.has(parent)));
    }
    return false;
  }
}

/** Tells whether the contribution is in the rule's date range; an event without a readable time is not. */
function inDateRange(rule: BucketRule, contribution: Contribution): boolean {
  if (rule.startDate === null && rule.endDate === null) {
    return true;
  }
  const time = contribution.time === null ? undefined : DateTimeValue.parse(contribution.time.trim());
  if (time === undefined) {
    return false;
  }
  const start = rule.startDate === null ? undefined : DateTimeValue.parse(rule.startDate);
  if (start !== undefined && time.compare(start) < 0) {
    return false;
  }
  const end = rule.endDate === null ? undefined : DateTimeValue.parse(rule.endDate);
  if (end === undefined) {
    return true;
  }
  return end.hasTime ? time.compare(end) <= 0 : time.epochSeconds < end.epochSeconds + DAY_SECONDS;
}
