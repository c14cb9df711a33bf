import type { ActionId, Decimal } from '../model/index.js';
import type { Formula } from './Formula.js';

/**
 * Kind of claim, by how it is paid across runs.
 * - `debtLike`: paid in every run until its cap is reached, counting prior payouts.
 * - `equityLike`: paid in every run, without a cap.
 * - `oneOff`: paid in one run only; a claim with any prior payout gets nothing more.
 */
export type ClaimKind = 'debtLike' | 'equityLike' | 'oneOff';

/** Size of a bucket: a percentage of the whole amount or of what is left, or a fixed amount. */
export type BucketSize =
  | { kind: 'percentOfTotal'; percent: Decimal }
  | { kind: 'percentOfRemainder'; percent: Decimal }
  | { kind: 'fixedAmount'; amount: Decimal };

/** A rule of a bucket: which contributions it selects, and the formula that values each one. */
export interface BucketRule {
  /** IRI or blank node key (`_:label`) of the `oce:BucketRule` node. */
  id: string;
  label: string | null;
  /** Position among the bucket's rules; a contribution is valued by the first rule that selects it. */
  order: number | null;
  /** Selected actions; an empty list selects every contributing action. */
  actions: ActionId[];
  /** Classifications of the resource (any one must match); empty selects any resource. */
  resourceClassifications: string[];
  /** Classifications of the process the event is input of (any one must match); empty selects any. */
  processClassifications: string[];
  /** Scopes (`vf:inScopeOf` of the process); a sub-scope of a listed scope matches too. */
  scopes: string[];
  /** ISO 8601 date or date-time text, inclusive; a date alone as `endDate` covers its whole day. */
  startDate: string | null;
  endDate: string | null;
  formula: Formula;
  /** Percentage (0 to 100) of a contribution's value passed back to the contributors of the resource it used. */
  passBackPercent: Decimal;
  claimKind: ClaimKind | null;
  /** Formula of the most the claim may ever receive, for a debt-like claim. */
  cap: Formula | null;
}

/** One ordered bucket of a value equation. */
export interface Bucket {
  id: string;
  label: string | null;
  order: number;
  size: BucketSize;
  /** The one agent that receives the whole bucket, or null when rules select contributions. */
  fixedShareTo: string | null;
  rules: BucketRule[];
  /** Claim kind of the bucket's rules that state none; equity-like when both are null. */
  claimKind: ClaimKind | null;
  cap: Formula | null;
}

/** An `oce:ValueEquation`: ordered buckets that split an amount among contributors. */
export interface ValueEquation {
  id: string;
  label: string | null;
  /** The network or project whose income the equation splits (`oce:equationOf`), or null. */
  equationOf: string | null;
  /** Buckets sorted by `oce:order`. */
  buckets: Bucket[];
}
