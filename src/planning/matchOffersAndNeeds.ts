import { Decimal } from '../model/index.js';
import type { EconomicModel, Intent, Quantity } from '../model/index.js';
import { flowQuantity } from './flowQuantity.js';

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
 * Matches needs to offers. An intent with a provider and no receiver is an offer, one with a
 * receiver and no provider a need; otherwise the `vf:purpose` of a proposal publishing it decides.
 * Finished intents and intents only asked in return (`vf:reciprocal`) take no part.
 * An offer matches a need with the same action when both conform to the same specification, or,
 * when either has none, when they share a classification. Quantities must be in the same unit,
 * the offer's `vf:availableQuantity` counting before its resource or effort quantity, and an offer
 * whose `vf:minimumQuantity` exceeds the need is left out. Agents never match themselves.
 */
export function matchOffersAndNeeds(model: EconomicModel): NeedMatches[] {
  const proposals = [...(model.proposals?.values() ?? [])];
  const asked = new Set(proposals.flatMap((proposal) => proposal.reciprocal));
  const offers: Intent[] = [];
  const needs: Intent[] = [];
  for (const intent of model.intents?.values() ?? []) {
    if (intent.finished === true || asked.has(intent.id)) {
      continue;
    }
    const purpose = intent.provider !== undefined && intent.receiver === undefined ? 'offer'
      : intent.receiver !== undefined && intent.provider === undefined ? 'request'
        : proposals.find((proposal) => proposal.publishes.includes(intent.id))?.purpose;
    (purpose === 'offer' ? offers : purpose === 'request' ? needs : []).push(intent);
  }
  return needs.sort(byId).map((need) => ({
    need: need.id, action: need.action, resourceConformsTo: need.resourceConformsTo, quantity: flowQuantity(need),
    offers: offers.flatMap((offer) => matchOne(model, need, offer) ?? []).sort(byCoverage),
  }));
}

function matchOne(model: EconomicModel, need: Intent, offer: Intent): OfferMatch | undefined {
  const matchedBy = resourceMatch(need, offer);
  if (matchedBy === undefined || need.action !== offer.action || (need.receiver !== undefined &&
    need.receiver === offer.provider)) {
    return undefined;
  }
  const wanted = flowQuantity(need);
  const available = offer.availableQuantity ?? flowQuantity(offer);
  const minimum = offer.minimumQuantity;
  const belowMinimum = minimum !== undefined && (minimum.unit !== wanted?.unit || minimum.value.gt(wanted.value));
  if (wanted !== undefined && belowMinimum) {
    return undefined;
  }
  if (wanted !== undefined && available !== undefined && available.unit !== wanted.unit) {
    return undefined;
  }
  const publishing = [...(model.proposals?.values() ?? [])].filter((proposal) => proposal.publishes.includes(offer.id));
  const quantity = wanted === undefined ? available
    : { value: available === undefined ? wanted.value : Decimal.min(wanted.value, available.value), unit: wanted.unit };
  return {
    offer: offer.id, proposals: publishing.map((proposal) => proposal.id).sort(),
    reciprocal: publishing.flatMap((proposal) => proposal.reciprocal).sort(), matchedBy, quantity,
    coverage: wanted === undefined || quantity === undefined || quantity.value.gte(wanted.value) ? 'full' : 'partial',
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
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byCoverage(a: OfferMatch, b: OfferMatch): number {
  if (a.coverage !== b.coverage) {
    return a.coverage === 'full' ? -1 : 1;
  }
  const quantities = (b.quantity?.value ?? new Decimal(0)).comparedTo(a.quantity?.value ?? new Decimal(0));
  return quantities !== 0 ? quantities : a.offer < b.offer ? -1 : a.offer > b.offer ? 1 : 0;
}
