import { Decimal } from '../model/index.js';
import type { EconomicModel, Intent, Proposal, Quantity } from '../model/index.js';
import { flowQuantity } from './flowQuantity.js';
import { compareText } from './compareText.js';

/** One offer that can serve a need, and how much of it. */
export interface OfferMatch {
  offer: string;
  /** Proposals that publish the offer. */
  proposals: string[];
  /** Intents the offering proposals ask in return (`vf:reciprocal`), such as a price. */
  reciprocal: string[];
  matchedBy: 'specification' | 'classification';
  /** How much of the need the offer covers, in the need's unit; absent when neither states a quantity. */
  quantity?: Quantity;
  coverage: 'full' | 'partial';
}

/** A need with the offers that match it: full matches first, then by quantity, then by IRI. */
export interface NeedMatches {
  need: string;
  action: Intent['action'];
  resourceConformsTo?: string;
  quantity?: Quantity;
  offers: OfferMatch[];
}

/**
 * Matches needs to offers. An intent with a provider and no receiver is an offer, and one with a
 * receiver and no provider is a need. For any other intent the `vf:purpose` of a proposal that
 * publishes it decides. Finished intents and intents requested in return (`vf:reciprocal`) take
 * no part.
 * An offer matches a need with the same action when both conform to the same specification, or,
 * when either has none, when they share a classification. Quantities must be in the same unit,
 * the offer's `vf:availableQuantity` counting before its resource or effort quantity, and an offer
 * whose `vf:minimumQuantity` exceeds the need is left out. Agents never match themselves.
 */
export function matchOffersAndNeeds(model: EconomicModel): NeedMatches[] {
  const proposals = [...(model.proposals?.values() ?? [])];
  const requestedInReturn = new Set(proposals.flatMap((proposal) => proposal.reciprocal));
  const offers: Intent[] = [];
  const needs: Intent[] = [];
  for (const intent of model.intents?.values() ?? []) {
    if (intent.finished === true || requestedInReturn.has(intent.id)) {
      continue;
    }
    const purpose = intentPurpose(intent, proposals);
    if (purpose === 'offer') {
      offers.push(intent);
    } else if (purpose === 'request') {
      needs.push(intent);
    }
  }
  return needs.sort(byId).map((need) => ({
    need: need.id, action: need.action, resourceConformsTo: need.resourceConformsTo, quantity: flowQuantity(need),
    offers: offers.flatMap((offer) => matchOne(model, need, offer) ?? []).sort(byCoverage),
  }));
}

function intentPurpose(intent: Intent, proposals: Proposal[]): Proposal['purpose'] {
  if (intent.provider !== undefined && intent.receiver === undefined) {
    return 'offer';
  }
  if (intent.receiver !== undefined && intent.provider === undefined) {
    return 'request';
  }
  return proposals.find((proposal) => proposal.publishes.includes(intent.id))?.purpose;
}

function matchOne(model: EconomicModel, need: Intent, offer: Intent): OfferMatch | undefined {
  const matchedBy = resourceMatch(need, offer);
  if (matchedBy === undefined || need.action !== offer.action || (need.receiver !== undefined &&
    need.receiver === offer.provider)) {
    return undefined;
  }
  const needed = flowQuantity(need);
  const available = offer.availableQuantity ?? flowQuantity(offer);
  const minimum = offer.minimumQuantity;
  const belowMinimum = minimum !== undefined && (minimum.unit !== needed?.unit || minimum.value.gt(needed.value));
  if (needed !== undefined && belowMinimum) {
    return undefined;
  }
  if (needed !== undefined && available !== undefined && available.unit !== needed.unit) {
    return undefined;
  }
  const publishing = [...(model.proposals?.values() ?? [])].filter((proposal) => proposal.publishes.includes(offer.id));
  const quantity = needed === undefined ? available
    : { value: available === undefined ? needed.value : Decimal.min(needed.value, available.value), unit: needed.unit };
  return {
    offer: offer.id, proposals: publishing.map((proposal) => proposal.id).sort(),
    reciprocal: publishing.flatMap((proposal) => proposal.reciprocal).sort(), matchedBy, quantity,
    coverage: needed === undefined || quantity === undefined || quantity.value.gte(needed.value) ? 'full' : 'partial',
  };
}

function resourceMatch(need: Intent, offer: Intent): OfferMatch['matchedBy'] | undefined {
  if (need.resourceConformsTo !== undefined && offer.resourceConformsTo !== undefined) {
    return need.resourceConformsTo === offer.resourceConformsTo ? 'specification' : undefined;
  }
  return need.resourceClassifiedAs.some((classification) => offer.resourceClassifiedAs.includes(classification))
    ? 'classification' : undefined;
}

function byId(a: { id: string }, b: { id: string }): number {
  return compareText(a.id, b.id);
}

function byCoverage(a: OfferMatch, b: OfferMatch): number {
  if (a.coverage !== b.coverage) {
    return a.coverage === 'full' ? -1 : 1;
  }
  const quantities = (b.quantity?.value ?? new Decimal(0)).comparedTo(a.quantity?.value ?? new Decimal(0));
  return quantities !== 0 ? quantities : compareText(a.offer, b.offer);
}
