import { ActionEffects, impliedTransferOf } from '../accounting/index.js';
import type { PodCrawlReport } from '../crawler/index.js';
import { problem } from '../model/index.js';
import type { EconomicEvent, EconomicModel, Problem } from '../model/index.js';

/**
 * Returns a function that finds the WebID of the pod a document URL belongs to: the pod whose
 * storage or registered container is the longest prefix of the URL, or null when none is.
 */
function ownerLookup(pods: readonly PodCrawlReport[]): (url: string) => string | null {
  const prefixes = pods.flatMap((pod) => [pod.storage, ...pod.containers]
    .filter((prefix): prefix is string => prefix !== null)
    .map((prefix) => ({ prefix, owner: pod.webId })))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return (url) => prefixes.find((entry) => url.startsWith(entry.prefix))?.owner ?? null;
}

/** Tells whether an event takes quantity out of its R, by its action or by an implied transfer onto T. */
function decrementsR(event: EconomicEvent): boolean {
  if (event.resourceInventoriedAs === undefined) {
    return false;
  }
  const decrements = (action: keyof typeof ActionEffects): boolean => {
    const row = ActionEffects[action];
    return [row.accountingEffect, row.onhandEffect].some((effect) =>
      effect === 'decrement' || effect === 'decrementIncrement');
  };
  const implied = event.toResourceInventoriedAs === undefined ? null : impliedTransferOf(event);
  return decrements(event.action) || (implied !== null && decrements(implied));
}

/** Returns the rule an event read from `owner`'s pod breaks, or null when it may count. */
function brokenRule(event: EconomicEvent, owner: string | null, model: EconomicModel,
  ownerOf: (url: string) => string | null): string | null {
  if (owner === null) {
    return 'an event counts only when it is read from the pod of a crawled agent';
  }
  const corrected = event.corrects === undefined ? undefined : model.events.get(event.corrects);
  const provider = event.provider ?? corrected?.provider;
  const receiver = event.receiver ?? corrected?.receiver;
  if (owner !== provider && owner !== receiver) {
    return 'an event counts only when the owner of the pod it is read from is its provider or its receiver';
  }
  if (event.corrects !== undefined) {
    const correctedOwner = corrected === undefined ? null : ownerOf(corrected.source);
    return owner === provider || owner === correctedOwner ? null
      : 'a correction counts only when it is read from the pod of its provider or of the event it corrects';
  }
  if (decrementsR(event) && owner !== provider) {
    return 'an event that decrements the provider\'s resource counts only when it is read from the provider\'s pod';
  }
  return null;
}

/**
 * Removes from `model` every event that breaks the pod ownership rule and returns an error for
 * each. The rule is ours, not ValueFlows': a pod may only state what its owner took part in.
 * - An event counts only when the owner of the pod it was read from (the crawled WebID whose
 *   storage or registered container holds the document) is its provider or its receiver.
 * - An event that decrements a provider-side resource R (by its action or by an implied
 *   transfer onto T) must come from the provider's pod.
 * - A correction must come from its provider's pod or from the pod of the event it corrects.
 *
 * A correction without provider or receiver takes them from the event it corrects. Every event
 * is judged against the full model, so excluding one event does not change the verdict on another.
 */
export function applyPodOwnershipRule(model: EconomicModel, pods: readonly PodCrawlReport[]): Problem[] {
  const ownerOf = ownerLookup(pods);
  const excluded: [EconomicEvent, string][] = [];
  for (const event of model.events.values()) {
    const owner = ownerOf(event.source);
    const rule = brokenRule(event, owner, model, ownerOf);
    if (rule !== null) {
      excluded.push([event, `Event [${event.id}] in document [${event.source}] of the pod of ` +
        `[${owner ?? 'no crawled agent'}] was excluded from inventory and contributions: ${rule}.`]);
    }
  }
  for (const [event] of excluded) {
    model.events.delete(event.id);
  }
  return excluded.map(([event, message]) => problem('error', message, { subject: event.id, source: event.source }));
}
