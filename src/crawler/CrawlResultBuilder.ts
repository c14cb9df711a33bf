import { problem } from '../model/index.js';
import type { Problem } from '../model/index.js';
import { podProblems, totalsOf } from './CrawlReport.js';
import type { CrawlReportJson, PodCrawlReport } from './CrawlReport.js';
import type { CrawlState } from './CrawlState.js';
import type { LoadedDocument } from './DocumentLoader.js';
import { dropDuplicateEvents } from './DuplicateEventFilter.js';
import type { Membership } from './MembershipReader.js';
import type { DiscoveredAgent, NetworkGraph } from './NetworkDiscovery.js';

/** The network view after a crawl: who is in it, the documents as named graphs, and the report. */
export interface NetworkCrawlResult {
  /** When the crawl finished, as an ISO 8601 UTC timestamp. */
  crawledAt: string;
  /** Agents whose pods list members: the roots and every sub-network. */
  networks: DiscoveredAgent[];
  /** Agents listed as a member by some network, each once. */
  members: DiscoveredAgent[];
  memberships: Membership[];
  /** Documents of every pod in the view, each event stated once; quads carry graph = document URL. */
  documents: LoadedDocument[];
  report: CrawlReportJson;
  /** Every problem of the crawl: the pods' errors, membership cycles and duplicate events. */
  problems: Problem[];
}

/** Inputs of {@link buildCrawlResult}. */
export interface CrawlResultParts {
  graph: NetworkGraph;
  state: CrawlState;
  pods: PodCrawlReport[];
  startedAt: Date;
  finishedAt: Date;
  /** Problems found outside any pod crawl, such as a refetch of a URL outside every pod. */
  extraProblems?: Problem[];
}

/** Builds the result of a crawl from the network graph and the view of each pod. */
export function buildCrawlResult(parts: CrawlResultParts): NetworkCrawlResult {
  const { graph, state, pods } = parts;
  const viewDocuments: LoadedDocument[] = graph.agents.flatMap((agent) => {
    const documents = [...(state.get(agent.webId)?.documents.values() ?? [])];
    return documents.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  });
  const { documents, duplicates } = dropDuplicateEvents(viewDocuments);
  const networkProblems = [
    ...graph.cycles.map((cycle) => problem('warning',
      `Membership cycle [${[...cycle, cycle[0]].join(' -> ')}]; each agent in it was crawled once`, { subject: cycle[0] })),
    ...duplicates.map((duplicate) => problem('warning', `Event [${duplicate.event}] is stated in [${duplicate.kept}] ` +
      `and again in [${duplicate.dropped.join('], [')}]; counted once, from [${duplicate.kept}]`,
    { subject: duplicate.event, source: duplicate.dropped[0] })),
    ...parts.extraProblems ?? [],
  ];
  const crawledAt = parts.finishedAt.toISOString();
  const report: CrawlReportJson = {
    crawledAt,
    durationMs: parts.finishedAt.getTime() - parts.startedAt.getTime(),
    roots: graph.roots,
    pods,
    cycles: graph.cycles,
    duplicates,
    problems: networkProblems,
    totals: totalsOf(pods),
  };
  return {
    crawledAt,
    networks: graph.agents.filter((agent) => agent.members.length > 0),
    members: graph.agents.filter((agent) => agent.memberOf.length > 0),
    memberships: graph.memberships,
    documents,
    report,
    problems: [...pods.flatMap(podProblems), ...networkProblems],
  };
}
