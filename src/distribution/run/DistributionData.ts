import type { Quad } from 'n3';
import { applyPodOwnershipRule } from '../../aggregator/index.js';
import type { NetworkCrawlResult } from '../../crawler/index.js';
import type { EconomicModel } from '../../model/index.js';
import { readEconomicModel } from '../../model/EconomicModelReader.js';

/** The input of a run: the economic model of a crawl and every crawled quad (equations, prices, scopes, runs). */
export interface DistributionData {
  model: EconomicModel;
  quads: Quad[];
  /**
   * WebIDs of the crawled networks and members. Only these payees are notified of a committed
   * run, so notifying never contacts an outside host. When absent, every payee is notified.
   */
  agents?: ReadonlySet<string>;
}

/**
 * Builds the data of runs from a crawl: the model as the aggregator trusts it (events breaking the
 * pod ownership rule left out), the quads of every crawled document, and the crawled agents. A
 * caller that already holds the crawl's snapshot passes its model, so the documents are not read
 * into a model a second time.
 */
export function distributionDataOf(crawl: NetworkCrawlResult, model: EconomicModel = trustedModelOf(crawl)):
  DistributionData {
  const agents = new Set([...crawl.networks, ...crawl.members].map((agent) => agent.webId));
  return { model, quads: crawl.documents.flatMap((document) => document.quads), agents };
}

/** Reads the crawl's documents into a model and leaves out the events that break the pod ownership rule. */
function trustedModelOf(crawl: NetworkCrawlResult): EconomicModel {
  const model = readEconomicModel(crawl.documents);
  model.problems.push(...applyPodOwnershipRule(model, crawl.report.pods));
  return model;
}
