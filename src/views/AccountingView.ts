import type { ContributionKind } from '../accounting/index.js';
import type { Decimal, Problem, Quantity } from '../model/index.js';
import type { Period } from './Period.js';
import type { Scope } from './ScopeTree.js';

/**
 * The events behind one figure: `figure` names the figure within its view, so the API can list
 * exactly these events again, page by page.
 */
export interface Provenance {
  figure: string;
  /** Event IRIs in replay order. */
  events: string[];
  /** URLs of the documents stating those events (and the resource, for an inventory figure), sorted. */
  documents: string[];
}

/** A quantity a resource document states that its events do not derive. */
export interface Disagreement {
  field: 'accountingQuantity' | 'onhandQuantity';
  stated: Quantity;
  /** The quantity the events derive, or null when no event sets it. */
  derived: Quantity | null;
  /** The document that states the quantity. */
  source: string;
}

/** A resource whose accountable agent or custodian is in the scope at the end of the period. */
export interface HeldResource {
  id: string;
  name: string | null;
  conformsTo: string | null;
  accountingQuantity: Quantity | null;
  onhandQuantity: Quantity | null;
  primaryAccountable: string | null;
  custodian: string | null;
  currentLocation: string | null;
  disagreements: Disagreement[];
  provenance: Provenance;
}

/** One agent's contributions of one kind, unit and specification within the scope and period. */
export interface ContributionFigure {
  agent: string;
  kind: ContributionKind;
  unit: string;
  specification: string | null;
  quantity: Decimal;
  provenance: Provenance;
}

/** Whether a flow enters the scope (its receiver is inside, its provider outside) or leaves it. */
export type FlowDirection = 'in' | 'out';

/** The quantity of one action, unit and specification crossing the scope's boundary in the period. */
export interface FlowFigure {
  direction: FlowDirection;
  action: string;
  unit: string;
  specification: string | null;
  quantity: Decimal;
  provenance: Provenance;
}

/** Flows in minus flows out for one unit and specification (a currency, for money). */
export interface BalanceFigure {
  unit: string;
  specification: string | null;
  in: Decimal;
  out: Decimal;
  net: Decimal;
  provenance: Provenance;
}

/**
 * A payout received in the scope: an event whose receiver is in the scope and which settles one
 * or more claims (`vf:settles`), such as a transfer of a committed distribution run.
 */
export interface PayoutFigure {
  event: string;
  provider: string | null;
  receiver: string;
  /** The claims the event settles, sorted. */
  claims: string[];
  quantity: Decimal;
  unit: string;
  /** The currency (the event's `resourceConformsTo`, else its resource's), or null. */
  specification: string | null;
  /** The event's time as written, or null. */
  time: string | null;
  provenance: Provenance;
}

/** Everything a view shows for one scope and period. */
export interface AccountingView {
  scope: Scope;
  /** The scope and every scope below it, whose activity the view includes, sorted. */
  includes: string[];
  period: Period;
  inventory: HeldResource[];
  contributions: ContributionFigure[];
  /** Contributions summed over agents, per kind, unit and specification. */
  contributionTotals: Omit<ContributionFigure, 'agent'>[];
  flows: FlowFigure[];
  balances: BalanceFigure[];
  /** Payouts received by the scope's agents in the period, in replay order. */
  payouts: PayoutFigure[];
  counts: { events: number; processes: number };
  /** Problems about the events and resources of the view. */
  problems: Problem[];
}
