import type { Decimal } from '../model/index.js';
import type { ClaimKind } from './ValueEquation.js';

/** The payout to one agent under one rule of a bucket, or as the bucket's fixed recipient. */
export interface DistributionLine {
  agent: string;
  /** The rule that valued the contributions (a blank node as `_:label`), or null for a fixed share. */
  rule: string | null;
  /** The rule's `rdfs:label`, or null. */
  ruleLabel: string | null;
  /** The rule or fixed-share bucket whose claim this is; prior payouts are keyed by it and the agent. */
  claim: string;
  claimKind: ClaimKind;
  /** Events whose value the line carries: the agent's own and those reached by the backward flow. */
  events: string[];
  /** Sum of the effort quantities of those events. */
  hours: Decimal;
  /** Value credited by the formula, after passing value back and receiving it. */
  value: Decimal;
  /** Value this agent's contributions passed on to the contributors of the resources they used. */
  passedBack: Decimal;
  /** Fraction of the bucket's value, rounded to 6 decimal places for display. */
  share: Decimal;
  payout: Decimal;
  /** The reason the payout is below the line's share (a cap, a one-off claim paid before), or null. */
  limit: string | null;
}

/** One bucket of a run. */
export interface BucketResult {
  id: string;
  label: string | null;
  /** The amount the bucket was to receive, in the currency, before caps on claims. */
  target: Decimal;
  /** The amount it paid: the sum of its lines' payouts. */
  amount: Decimal;
  lines: DistributionLine[];
}

/** Total paid to one agent in a run. */
export interface Payout {
  agent: string;
  amount: Decimal;
}

/** A share paid to a sub-network that ran its own equation on it. */
export interface SubDistribution {
  agent: string;
  result: DistributionResult;
}

/**
 * A dry run of a value equation: what each agent receives and why. `sum(payouts.amount) +
 * undistributed == amount` is exact. A payout to a sub-network is replaced by what its
 * equation paid, plus what that equation left undistributed, which is paid to the sub-network.
 */
export interface DistributionResult {
  equation: string;
  amount: Decimal;
  currency: string | null;
  /** Digits after the decimal point of the currency's minor unit. */
  scale: number;
  /** Payouts above zero, by agent IRI. */
  payouts: Payout[];
  buckets: BucketResult[];
  undistributed: Decimal;
  subDistributions: SubDistribution[];
  /** Facts a reader should know: missing prices, empty buckets, capped claims, sub-network cycles. */
  notes: string[];
}
