import type { NamedNode, Quad } from 'n3';
import { problem } from '../model/index.js';
import type { Problem } from '../model/index.js';
import type { ParsedDocument } from '../rdf/index.js';
import { getLogger } from '../util/index.js';
import { LDP, PIM, SOLID } from '../vocab/index.js';
import type { CrawlResult, PodReport } from './CrawlReport.js';
import { RdfFetcher } from './RdfFetcher.js';
import type { DocumentParser } from './RdfFetcher.js';

const logger = getLogger('PodCrawler');

/** Options of {@link PodCrawler}. */
export interface PodCrawlerOptions {
  /** Fetch used for every request, usually the aggregator's authenticated fetch. */
  fetch: typeof fetch;
  /** Parser of fetched documents; default `parseRdf`. */
  parse?: DocumentParser;
  /** Documents fetched per pod at most; default 10 000. Containers do not count. */
  maxDocumentsPerPod?: number;
  /** Levels of sub-containers walked below a registered container; default 8. */
  maxContainerDepth?: number;
  /** Timeout of each request in milliseconds; default 30 000. */
  requestTimeoutMs?: number;
  /** Pods crawled at the same time; default 4. Documents of one pod are fetched one after another. */
  podConcurrency?: number;
}

/** Registered locations of one pod: containers to walk and single documents. */
interface Registrations {
  containers: string[];
  instances: string[];
}

/**
 * Crawls member pods: WebID profile, then `pim:storage` and the public and private type indexes,
 * then the registered containers (`solid:instanceContainer`, walked through `ldp:contains`) and
 * single registered documents (`solid:instance`), then every document found. Only links inside a
 * registered container are followed, and registrations outside the pod's storage (or the profile's
 * origin, when the profile names no storage) are skipped. A pod that fails is reported and
 * skipped; nothing a pod returns makes the crawl throw.
 *
 * NOTE: there is no address guard yet, so a WebID may point the crawl at any host, private and
 * link-local ranges included. The injected fetch also sends the aggregator's DPoP-bound token to
 * every profile host. Filter WebIDs before crawling until that guard exists.
 */
export class PodCrawler {
  private readonly fetcher: RdfFetcher;
  private readonly maxDocuments: number;
  private readonly maxDepth: number;
  private readonly concurrency: number;

  public constructor(options: PodCrawlerOptions) {
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.fetcher = new RdfFetcher({ fetch: options.fetch, parse: options.parse, timeoutMs });
    this.maxDocuments = options.maxDocumentsPerPod ?? 10_000;
    this.maxDepth = options.maxContainerDepth ?? 8;
    this.concurrency = Math.max(1, options.podConcurrency ?? 4);
  }

  /** Crawls every WebID and returns the documents in WebID order, with one report per WebID. */
  public async crawl(webIds: string[]): Promise<CrawlResult> {
    const startedAt = Date.now();
    const results: { documents: ParsedDocument[]; report: PodReport }[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < webIds.length) {
        const index = next;
        next += 1;
        results[index] = await this.crawlPodSafely(webIds[index] ?? '');
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, webIds.length) }, worker));

    const pods = results.map((result) => result.report);
    const documents = results.flatMap((result) => result.documents);
    const crawl = { documents, pods, problems: pods.flatMap(podProblems) };
    logger.info({ pods: pods.length, documents: crawl.documents.length, problems: crawl.problems.length,
      ms: Date.now() - startedAt }, 'Crawl finished');
    return crawl;
  }

  /** Crawls one pod and turns any unexpected exception into an error of its report. */
  private async crawlPodSafely(webId: string): Promise<{ documents: ParsedDocument[]; report: PodReport }> {
    try {
      return await this.crawlPod(webId);
    } catch (error: unknown) {
      const message = `Crawl of the pod failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
      logger.error({ webId, err: error }, 'Crawl of a pod failed unexpectedly');
      const report: PodReport = {
        webId, storage: null, typeIndexes: [], containers: [], documentsSeen: 0, documentsLoaded: 0,
        documentsFailed: 0, limitReached: false, errors: [{ url: webId, status: 0, message }],
      };
      return { documents: [], report };
    }
  }

  private async crawlPod(webId: string): Promise<{ documents: ParsedDocument[]; report: PodReport }> {
    const report: PodReport = {
      webId, storage: null, typeIndexes: [], containers: [],
      documentsSeen: 0, documentsLoaded: 0, documentsFailed: 0, limitReached: false, errors: [],
    };
    const documents: ParsedDocument[] = [];

    // Profile: storage and type index links.
    const profile = await this.fetcher.fetchDocument(webId);
    if (profile.error !== undefined) {
      report.errors.push(profile.error);
      logger.warn({ webId, error: profile.error }, 'Skipped a pod whose profile could not be read');
      return { documents, report };
    }
    report.storage = objectsOf(profile.document.quads, webId, PIM.storage)[0] ?? null;
    report.typeIndexes = [SOLID.publicTypeIndex, SOLID.privateTypeIndex]
      .flatMap((property) => objectsOf(profile.document.quads, webId, property));

    // Type indexes: registered containers and documents inside the pod.
    const registrations = await this.readRegistrations(report, webId);
    report.containers = registrations.containers;

    // Containers, then the documents they list.
    const documentUrls = await this.listDocuments(report, registrations);
    for (const url of documentUrls) {
      const outcome = await this.fetcher.fetchDocument(url);
      if (outcome.error === undefined) {
        documents.push(outcome.document);
        report.documentsLoaded += 1;
      } else {
        report.errors.push(outcome.error);
        report.documentsFailed += 1;
      }
    }
    logger.info({ webId, seen: report.documentsSeen, loaded: report.documentsLoaded, failed: report.documentsFailed,
      errors: report.errors.length }, 'Pod crawled');
    return { documents, report };
  }

  private async readRegistrations(report: PodReport, webId: string): Promise<Registrations> {
    const scope = report.storage ?? new URL('/', webId).href;
    const containers = new Set<string>();
    const instances = new Set<string>();
    for (const indexUrl of report.typeIndexes) {
      const index = await this.fetcher.fetchDocument(indexUrl);
      if (index.error !== undefined) {
        report.errors.push(index.error);
        continue;
      }
      for (const [target, isContainer] of registrationTargets(index.document.quads)) {
        if (!target.startsWith(scope) || (isContainer && !target.endsWith('/'))) {
          report.errors.push({ url: target, status: 0,
            message: `Skipped a registration in [${indexUrl}] outside the pod [${scope}] or not a container URL` });
          continue;
        }
        (isContainer ? containers : instances).add(target);
      }
    }
    return { containers: [...containers], instances: [...instances] };
  }

  /** Walks the registered containers breadth first and returns document URLs, at most the limit. */
  private async listDocuments(report: PodReport, registrations: Registrations): Promise<string[]> {
    const found = new Set<string>();
    const add = (url: string): boolean => {
      if (found.size >= this.maxDocuments) {
        report.limitReached = true;
        return false;
      }
      found.add(url);
      return true;
    };
    registrations.instances.forEach(add);

    for (const root of registrations.containers) {
      const queue: { url: string; depth: number }[] = [{ url: root, depth: 0 }];
      const visited = new Set<string>();
      while (queue.length > 0 && !report.limitReached) {
        const { url, depth } = queue.shift()!;
        if (visited.has(url)) {
          continue;
        }
        visited.add(url);
        const listing = await this.fetcher.fetchDocument(url);
        if (listing.error !== undefined) {
          report.errors.push(listing.error);
          continue;
        }
        for (const child of objectsOf(listing.document.quads, url, LDP.contains).sort()) {
          if (!child.startsWith(root) || child === url) {
            continue;
          }
          if (child.endsWith('/')) {
            if (depth < this.maxDepth) {
              queue.push({ url: child, depth: depth + 1 });
            }
          } else if (!found.has(child) && !add(child)) {
            break;
          }
        }
      }
    }
    report.documentsSeen = found.size;
    return [...found];
  }
}

function objectsOf(quads: Quad[], subject: string, predicate: NamedNode): string[] {
  return quads.filter((quad) => quad.subject.value === subject && quad.predicate.equals(predicate) &&
    quad.object.termType === 'NamedNode').map((quad) => quad.object.value);
}

/** Returns `[url, isContainer]` for each `solid:instanceContainer` and `solid:instance` of an index. */
function registrationTargets(quads: Quad[]): [string, boolean][] {
  return quads.filter((quad) => quad.object.termType === 'NamedNode' &&
    (quad.predicate.equals(SOLID.instanceContainer) || quad.predicate.equals(SOLID.instance)))
    .map((quad) => [quad.object.value, quad.predicate.equals(SOLID.instanceContainer)]);
}

function podProblems(report: PodReport): Problem[] {
  const problems = report.errors.map((error) => problem('error',
    `Crawling the pod of [${report.webId}]: [${error.url}] failed with status [${error.status}]: ${error.message}`,
    { source: error.url }));
  if (report.limitReached) {
    problems.push(problem('warning', `Crawling the pod of [${report.webId}] stopped after ` +
      `[${report.documentsSeen}] documents, the per-pod limit; the rest were not fetched`, { subject: report.webId }));
  }
  return problems;
}
