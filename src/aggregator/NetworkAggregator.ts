import { computeContributions, computeInventory } from '../accounting/index.js';
import { readMemberships } from '../crawler/index.js';
import type { CrawlReportJson, Membership, NetworkCrawlResult, PodCrawlReport } from '../crawler/index.js';
import { readEconomicModel } from '../model/EconomicModelReader.js';
import type { Problem } from '../model/index.js';
import type { ParsedDocument } from '../rdf/index.js';
import { contributionsToJson, inventoryToJson } from '../report/index.js';
import type { ContributionsJson, InventoryJson } from '../report/index.js';
import { getLogger } from '../util/index.js';
import { AccountingViews, ScopeTree } from '../views/index.js';
import { applyPodOwnershipRule } from './applyPodOwnershipRule.js';
import { derivedGraphsOf } from './derivedGraphs.js';
import type { DerivedGraph } from './derivedGraphs.js';

const logger = getLogger('NetworkAggregator');

/** Crawls the networks; `NetworkCrawler` is the implementation, tests may pass another. */
export interface NetworkSource {
  crawl: () => Promise<NetworkCrawlResult>;
}

/** The network figures computed from one crawl, as the service publishes them. */
export interface NetworkSnapshot {
  /** When the crawl finished, as an ISO 8601 UTC timestamp. */
  crawledAt: string;
  /** The first network root. */
  network: string;
  roots: string[];
  /** WebIDs of every agent some network lists as a member, sorted. */
  members: string[];
  /** The crawled memberships with their `org:role` values, which the service's role guards read. */
  memberships?: Membership[];
  inventory: InventoryJson;
  contributions: ContributionsJson;
  pods: PodCrawlReport[];
  /** The crawl report: per pod, per problem, totals. */
  report: CrawlReportJson;
  /** Problems of the crawl itself (unreachable pods, quarantined documents, cycles, duplicate events). */
  problems: Problem[];
  /** Accounting views of this crawl per network, organization, project and person. */
  views: AccountingViews;
  /** The aggregator's own graphs for the store: the derived inventory and the crawl report. */
  derivedGraphs: DerivedGraph[];
}

/**
 * Computes network accounting from a crawl of the networks: the documents of every pod in the
 * view (each event once) feed the inventory and the contributions. Events that break the pod
 * ownership rule of {@link applyPodOwnershipRule} are left out and reported as errors.
 */
export class NetworkAggregator {
  public constructor(private readonly source: NetworkSource) {}

  /** Crawls the networks and computes inventory and contributions. */
  public async aggregate(): Promise<NetworkSnapshot> {
    const result = await this.source.crawl();
    const snapshot = snapshotOf(result);
    logger.info({ members: snapshot.members.length, documents: result.documents.length }, 'Computed the network figures');
    return snapshot;
  }
}

/**
 * Computes the figures of a crawl result, also after a `refetch`. An event that breaks the pod
 * ownership rule counts in neither view and is reported in the problems of both.
 */
export function snapshotOf(result: NetworkCrawlResult): NetworkSnapshot {
  const model = readEconomicModel(result.documents);
  const excluded = applyPodOwnershipRule(model, result.report.pods);
  if (excluded.length > 0) {
    logger.warn({ events: excluded.length }, 'Excluded events that break the pod ownership rule');
  }
  model.problems.push(...excluded);
  const inventory = computeInventory(model);
  return {
    crawledAt: result.crawledAt,
    network: result.report.roots[0] ?? '',
    roots: result.report.roots,
    members: result.members.map((member) => member.webId).sort(),
    memberships: result.memberships,
    inventory: inventoryToJson(inventory, model.problems),
    contributions: contributionsToJson(computeContributions(model), excluded),
    pods: result.report.pods,
    report: result.report,
    problems: result.problems,
    views: new AccountingViews({
      model,
      scopes: new ScopeTree({
        roots: result.report.roots,
        memberships: result.memberships,
        quads: result.documents.flatMap((document) => document.quads),
        model,
      }),
      problems: model.problems,
    }),
    derivedGraphs: derivedGraphsOf(inventory, result.report),
  };
}

/**
 * Reads the members of a network from W3C ORG statements: `<network> org:hasMember ?m`, and
 * `?x org:organization <network>; org:member ?m` for memberships with roles and dates.
 * Returns member WebIDs sorted, without duplicates.
 */
export function findMembers(networkWebId: string, documents: ParsedDocument[]): string[] {
  const members = documents.flatMap((document) => readMemberships(networkWebId, document.quads, document.source));
  return [...new Set(members.map((membership) => membership.member))].sort();
}
