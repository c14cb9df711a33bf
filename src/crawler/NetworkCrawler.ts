import { problem } from '../model/index.js';
import type { Problem } from '../model/index.js';
import { getLogger } from '../util/index.js';
import { ShapeValidator } from '../validation/index.js';
import type { PodCrawlReport } from './CrawlReport.js';
import { buildCrawlResult } from './CrawlResultBuilder.js';
import type { NetworkCrawlResult } from './CrawlResultBuilder.js';
import { CrawlState } from './CrawlState.js';
import type { PodState } from './CrawlState.js';
import { DocumentFetcher } from './DocumentFetcher.js';
import { DocumentFetcherSource } from './DocumentFetcherSource.js';
import { DocumentLoader } from './DocumentLoader.js';
import type { DocumentSource } from './DocumentSource.js';
import { FetchDocumentSource } from './FetchDocumentSource.js';
import { NetworkDiscovery } from './NetworkDiscovery.js';
import type { NetworkGraph } from './NetworkDiscovery.js';
import { PodCrawler } from './PodCrawler.js';
import { refetchDocument } from './refetchDocument.js';

const logger = getLogger('NetworkCrawler');

/** Progress of a crawl: the pod just finished, and pods done out of those discovered so far. */
export interface CrawlProgress {
  pod: string;
  done: number;
  total: number;
}

/** Options of {@link NetworkCrawler}. */
export interface NetworkCrawlerOptions {
  /** WebIDs of the network roots, from the configuration. */
  roots: string[];
  /** The fetch layer's `DocumentFetcher`, another {@link DocumentSource}, or a plain (authenticated) fetch. */
  fetcher: DocumentFetcher | DocumentSource | typeof fetch;
  /** Shapes to validate documents with; loaded once from `shapes/` when absent; null turns validation off. */
  validator?: ShapeValidator | null;
  /** Documents listed per pod at most; default 10 000. */
  maxDocumentsPerPod?: number;
  /** Levels of sub-containers walked below a registered container; default 8. */
  maxContainerDepth?: number;
  /** Wall time of one pod crawl in milliseconds; default 300 000. */
  maxPodMs?: number;
  /** Timeout of each request, for a plain fetch only, in milliseconds; default 30 000. */
  requestTimeoutMs?: number;
  /** Largest body accepted, for a plain fetch only, in bytes; default 16 MiB. */
  maxBytes?: number;
  /** Pods crawled at the same time; default 4. */
  podConcurrency?: number;
  /** Documents of one pod fetched at the same time; default 4. */
  documentConcurrency?: number;
  clock?: () => Date;
  onProgress?: (progress: CrawlProgress) => void;
}

/**
 * Crawls networks from their roots: discovery through memberships to any depth, each pod with
 * bounds, validation and quarantine, and the view kept across crawls in a {@link CrawlState}, so
 * a second `crawl()` costs conditional requests and a failing pod keeps its last good data,
 * marked stale. `refetch()` updates single documents, for change notifications.
 */
export class NetworkCrawler {
  /** The documents of each pod across crawls. */
  public readonly state = new CrawlState();
  private readonly source: DocumentSource;
  private readonly clock: () => Date;
  private loader?: DocumentLoader;
  private graph?: NetworkGraph;
  private reports = new Map<string, PodCrawlReport>();

  public constructor(private readonly options: NetworkCrawlerOptions) {
    this.source = sourceOf(options);
    this.clock = options.clock ?? ((): Date => new Date());
  }

  /** Crawls every network from the roots and returns the view with its report. */
  public async crawl(): Promise<NetworkCrawlResult> {
    const startedAt = this.clock();
    const podCrawler = await this.podCrawler();
    const reports = new Map<string, PodCrawlReport>();
    let total = this.options.roots.length;
    const visit = async (webId: string, depth: number): Promise<PodState> => {
      const crawl = await podCrawler.crawl(webId, depth);
      const state = this.state.merge(crawl, this.clock().toISOString());
      crawl.report.stale = state.stale;
      reports.set(webId, crawl.report);
      this.options.onProgress?.({ pod: webId, done: reports.size, total: Math.max(total, reports.size) });
      return state;
    };
    const discovery = new NetworkDiscovery(async (webId, depth) => {
      total = Math.max(total, reports.size + 1);
      return visit(webId, depth);
    }, this.options.podConcurrency ?? 4);
    this.graph = await discovery.discover(this.options.roots);
    this.reports = reports;
    const result = this.result(startedAt);
    logger.info({ pods: result.report.totals.pods, loaded: result.report.totals.loaded,
      downloaded: result.report.totals.downloaded, problems: result.problems.length,
      ms: result.report.durationMs }, 'Crawl finished');
    return result;
  }

  /**
   * Refetches only the given documents (after a change notification) and updates the view:
   * a changed document replaces its copy, a deleted one (404 or 410) leaves the view, and a
   * container URL recrawls its pod. URLs outside the registered containers of every crawled pod
   * are reported and skipped. Throws when called before the first `crawl()`.
   */
  public async refetch(urls: string[]): Promise<NetworkCrawlResult> {
    if (this.graph === undefined) {
      throw new Error('Cannot refetch documents before the first crawl; call crawl() first');
    }
    const startedAt = this.clock();
    const loader = await this.documentLoader();
    const problems: Problem[] = [];
    for (const url of urls) {
      const pod = this.state.podOf(url);
      const depth = this.reports.get(pod?.webId ?? '')?.depth ?? 0;
      if (pod !== undefined && url.endsWith('/')) {
        const crawl = await (await this.podCrawler()).crawl(pod.webId, depth);
        crawl.report.stale = this.state.merge(crawl, this.clock().toISOString()).stale;
        this.reports.set(pod.webId, crawl.report);
        continue;
      }
      if (pod === undefined) {
        problems.push(problem('warning', `Skipped a refetch of [${url}], which is in no crawled pod`, { source: url }));
        continue;
      }
      problems.push(...await refetchDocument({ url, pod, source: this.source, loader, clock: this.clock }));
    }
    return this.result(startedAt, problems);
  }

  private result(startedAt: Date, extraProblems: Problem[] = []): NetworkCrawlResult {
    const graph = this.graph!;
    const pods = graph.agents.map((agent) => this.reports.get(agent.webId)).filter((pod) => pod !== undefined);
    return buildCrawlResult({ graph, state: this.state, pods, startedAt, finishedAt: this.clock(), extraProblems });
  }

  private async podCrawler(): Promise<PodCrawler> {
    return new PodCrawler({
      source: this.source,
      loader: await this.documentLoader(),
      bounds: {
        maxDocuments: this.options.maxDocumentsPerPod ?? 10_000,
        maxContainerDepth: this.options.maxContainerDepth ?? 8,
        maxPodMs: this.options.maxPodMs ?? 300_000,
      },
      documentConcurrency: this.options.documentConcurrency,
      clock: this.clock,
    });
  }

  /** Returns the loader, loading the shapes on first use only. */
  private async documentLoader(): Promise<DocumentLoader> {
    if (this.loader === undefined) {
      const validator = this.options.validator === undefined ? await ShapeValidator.load() : this.options.validator;
      this.loader = new DocumentLoader(validator ?? undefined);
    }
    return this.loader;
  }
}

function sourceOf(options: NetworkCrawlerOptions): DocumentSource {
  const fetcher = options.fetcher;
  if (fetcher instanceof DocumentFetcher) {
    return new DocumentFetcherSource(fetcher);
  }
  if (typeof fetcher === 'function') {
    return new FetchDocumentSource(fetcher, { timeoutMs: options.requestTimeoutMs, maxBytes: options.maxBytes });
  }
  return fetcher;
}
