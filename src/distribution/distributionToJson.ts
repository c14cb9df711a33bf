import { formatDecimal } from '../model/index.js';
import type { Decimal } from '../model/index.js';
import type { DistributionLine, DistributionResult } from './DistributionResult.js';
import type { ClaimKind } from './ValueEquation.js';

/** Decimal places of `value` and `passedBack` in JSON and text output; payouts are exact. */
export const DISPLAY_VALUE_PLACES = 6;

/** A {@link DistributionLine} with decimals as strings. */
export interface DistributionLineJson {
  agent: string;
  rule: string | null;
  ruleLabel: string | null;
  claim: string;
  claimKind: ClaimKind;
  events: string[];
  hours: string;
  value: string;
  passedBack: string;
  share: string;
  payout: string;
  limit: string | null;
}

/** A bucket of {@link DistributionJson}. */
export interface BucketJson {
  id: string;
  label: string | null;
  target: string;
  amount: string;
  lines: DistributionLineJson[];
}

/** A {@link DistributionResult} as JSON: amounts as strings with the currency's decimal places. */
export interface DistributionJson {
  equation: string;
  amount: string;
  currency: string | null;
  payouts: { agent: string; amount: string }[];
  buckets: BucketJson[];
  undistributed: string;
  subDistributions: { agent: string; result: DistributionJson }[];
  notes: string[];
}

/**
 * Converts a run to JSON. Amounts have exactly the currency's decimal places (`"12.50"`);
 * `value` and `passedBack` are rounded to {@link DISPLAY_VALUE_PLACES} places, half to even.
 */
export function distributionToJson(result: DistributionResult): DistributionJson {
  const money = (value: Decimal): string => value.toFixed(result.scale);
  const line = (entry: DistributionLine): DistributionLineJson => ({
    agent: entry.agent,
    rule: entry.rule,
    ruleLabel: entry.ruleLabel,
    claim: entry.claim,
    claimKind: entry.claimKind,
    events: entry.events,
    hours: formatDecimal(entry.hours),
    value: formatDecimal(entry.value.toDecimalPlaces(DISPLAY_VALUE_PLACES)),
    passedBack: formatDecimal(entry.passedBack.toDecimalPlaces(DISPLAY_VALUE_PLACES)),
    share: formatDecimal(entry.share),
    payout: money(entry.payout),
    limit: entry.limit,
  });
  return {
    equation: result.equation,
    amount: money(result.amount),
    currency: result.currency,
    payouts: result.payouts.map((payout) => ({ agent: payout.agent, amount: money(payout.amount) })),
    buckets: result.buckets.map((bucket) => ({
      id: bucket.id, label: bucket.label, target: money(bucket.target), amount: money(bucket.amount),
      lines: bucket.lines.map(line),
    })),
    undistributed: money(result.undistributed),
    subDistributions: result.subDistributions
      .map((sub) => ({ agent: sub.agent, result: distributionToJson(sub.result) })),
    notes: result.notes,
  };
}
