import type { Quad } from 'n3';
import { computeContributions, computeInventory } from '../accounting/index.js';
import type { CrawlResult } from '../crawler/index.js';
import { readEconomicModel } from '../model/EconomicModelReader.js';
import type { Problem } from '../model/index.js';
import type { ParsedDocument } from '../rdf/index.js';
import { contributionsToJson, inventoryToJson } from '../report/index.js';
import type { ContributionsJson, InventoryJson } from '../report/index.js';
import { getLogger } from '../util/index.js';
import { ORG } from '../vocab/index.js';

const logger = getLogger('NetworkAggregator');

/** Crawls pods for a list of WebIDs; the aggregator needs nothing more from the crawler. */
export interface PodSource {
  crawl: (webIds: string[]) => Promise<CrawlResult>;
}

/** The network figures computed from one crawl, as the service publishes them. */
export interface NetworkSnapshot {
  /** When the crawl finished, as an ISO 8601 UTC timestamp. */
  crawledAt: string;
  network: string;
  members: string[];
  inventory: InventoryJson;
  contributions: ContributionsJson;
  pods: CrawlResult['pods'];
  /** Problems of the crawl itself (unreachable pods, refused documents). */
  problems: Problem[];
}

/**
 * Computes a network's accounting from its members' pods. A network is an agent with a pod of
 * its own that lists its members with `org:hasMember` (or `org:Membership` nodes); the aggregator
 * crawls the network's pod first, reads the member WebIDs there, then crawls the members' pods.
 */
export class NetworkAggregator {
  public constructor(private readonly pods: PodSource, private readonly now: () => Date = () => new Date()) {}

  /** Crawls the network and its members and computes inventory and contributions. */
  public async aggregate(networkWebId: string): Promise<NetworkSnapshot> {
    const networkCrawl = await this.pods.crawl([networkWebId]);
    const members = findMembers(networkWebId, networkCrawl.documents);
    logger.info({ network: networkWebId, members: members.length }, 'Read network membership');
    const memberCrawl = await this.pods.crawl(members.filter((member) => member !== networkWebId));

    const documents = [...networkCrawl.documents, ...memberCrawl.documents];
    const model = readEconomicModel(documents);
    return {
      crawledAt: this.now().toISOString(),
      network: networkWebId,
      members,
      inventory: inventoryToJson(computeInventory(model), model.problems),
      contributions: contributionsToJson(computeContributions(model)),
      pods: [...networkCrawl.pods, ...memberCrawl.pods],
      problems: [...networkCrawl.problems, ...memberCrawl.problems],
    };
  }
}

/**
 * Reads the members of a network from W3C ORG statements: `<network> org:hasMember ?m`, and
 * `?x org:organization <network>; org:member ?m` for memberships with roles and dates.
 * Returns member WebIDs sorted, without duplicates.
 */
export function findMembers(networkWebId: string, documents: ParsedDocument[]): string[] {
  const quads: Quad[] = documents.flatMap((document) => document.quads);
  const members = new Set<string>();
  const membershipsOfNetwork = new Set<string>();
  for (const quad of quads) {
    if (quad.subject.value === networkWebId && quad.predicate.equals(ORG.hasMember)
      && quad.object.termType === 'NamedNode') {
      members.add(quad.object.value);
    }
    if (quad.predicate.equals(ORG.organization) && quad.object.value === networkWebId) {
      membershipsOfNetwork.add(quad.subject.value);
    }
  }
  for (const quad of quads) {
    if (membershipsOfNetwork.has(quad.subject.value) && quad.predicate.equals(ORG.member)
      && quad.object.termType === 'NamedNode') {
      members.add(quad.object.value);
    }
  }
  return [...members].sort();
}
