import { formatDecimal } from '../model/index.js';
import { quantityToJson } from '../report/index.js';
import type { QuantityJson } from '../report/index.js';
import type { AgreementBalance, AgreementSide } from './agreementBalances.js';
import type { FlowProgress, FlowStatus } from './coordinationStatus.js';
import type { NeedMatches } from './matchOffersAndNeeds.js';
import type { StatusSummary } from './summarizeFlows.js';

/** One commitment, intent or claim with its status, as the API and `oce status --json` write it. */
export interface FlowProgressJson {
  id: string;
  kind: FlowProgress['kind'];
  action: string;
  resourceConformsTo: string | null;
  resourceInventoriedAs: string | null;
  provider: string | null;
  receiver: string | null;
  due: string | null;
  quantity: QuantityJson | null;
  /** Decimal met so far, in the unit of `quantity`. */
  met: string;
  /** Decimal still to come, in the unit of `quantity`; "0" when done. */
  remaining: string;
  status: FlowStatus;
  metBy: string[];
  plans: string[];
  /** `vf:inScopeOf` of the flow's process. */
  scopes: string[];
}

/** Counts per status and remaining quantities of one plan, agent or scope. */
export interface StatusSummaryJson {
  /** IRI of the plan, agent or scope. */
  id: string;
  counts: Record<FlowStatus, number>;
  remaining: {
    resourceConformsTo: string | null; resourceInventoriedAs: string | null; unit: string; remaining: string;
  }[];
}

/** A need with the offers that match it. */
export interface NeedMatchesJson {
  need: string;
  action: string;
  resourceConformsTo: string | null;
  quantity: QuantityJson | null;
  offers: {
    offer: string; proposals: string[]; reciprocal: string[]; matchedBy: 'specification' | 'classification';
    quantity: QuantityJson | null; coverage: 'full' | 'partial';
  }[];
}

/** One side of an agreement with decimal totals. */
export interface AgreementSideJson {
  commitments: string[];
  events: string[];
  totals: {
    resourceConformsTo: string | null; unit: string; committed: string; realized: string; outstanding: string;
  }[];
}

/** An agreement with the balance of both sides. */
export interface AgreementBalanceJson {
  agreement: string;
  name: string | null;
  primary: AgreementSideJson;
  reciprocal: AgreementSideJson;
}

/** Writes a flow's progress with decimal strings and null for unset fields. */
export function flowProgressToJson(flow: FlowProgress): FlowProgressJson {
  return {
    id: flow.id, kind: flow.kind, action: flow.action, resourceConformsTo: flow.resourceConformsTo ?? null,
    resourceInventoriedAs: flow.resourceInventoriedAs ?? null, provider: flow.provider ?? null,
    receiver: flow.receiver ?? null, due: flow.due ?? null, quantity: quantityToJson(flow.quantity),
    met: formatDecimal(flow.met), remaining: formatDecimal(flow.remaining), status: flow.status,
    metBy: flow.metBy, plans: flow.plans, scopes: flow.scopes,
  };
}

/** Writes a status summary with decimal strings. */
export function statusSummaryToJson(summary: StatusSummary): StatusSummaryJson {
  return {
    id: summary.key, counts: { ...summary.counts },
    remaining: summary.remaining.map((total) => ({
      resourceConformsTo: total.resourceConformsTo ?? null, resourceInventoriedAs: total.resourceInventoriedAs ?? null,
      unit: total.unit, remaining: formatDecimal(total.remaining),
    })),
  };
}

/** Writes a need and its offers with null for unset fields. */
export function needMatchesToJson(match: NeedMatches): NeedMatchesJson {
  return {
    need: match.need, action: match.action, resourceConformsTo: match.resourceConformsTo ?? null,
    quantity: quantityToJson(match.quantity),
    offers: match.offers.map((offer) => ({ ...offer, quantity: quantityToJson(offer.quantity) })),
  };
}

/** Writes an agreement's balance with decimal strings. */
export function agreementBalanceToJson(balance: AgreementBalance): AgreementBalanceJson {
  return {
    agreement: balance.agreement, name: balance.name ?? null,
    primary: sideToJson(balance.primary), reciprocal: sideToJson(balance.reciprocal),
  };
}

function sideToJson(side: AgreementSide): AgreementSideJson {
  return {
    commitments: side.commitments, events: side.events,
    totals: side.totals.map((total) => ({
      resourceConformsTo: total.resourceConformsTo ?? null, unit: total.unit, committed: formatDecimal(total.committed),
      realized: formatDecimal(total.realized), outstanding: formatDecimal(total.outstanding),
    })),
  };
}
