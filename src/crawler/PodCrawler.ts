import type { NamedNode, Quad } from 'n3';
import { compareCodeUnits } from '../accounting/compareCodeUnits.js';
import { parseRdf } from '../rdf/index.js';
import { getLogger } from '../util/index.js';
import { PIM, SOLID } from '../vocab/index.js';
import { ContainerWalker } from './ContainerWalker.js';
import { coverageOf } from './CrawlReport.js';
import type { CrawlError, PodCrawlReport } from './CrawlReport.js';
import type { DocumentLoader } from './DocumentLoader.js';
import type { LoadedDocument, QuarantinedDocument } from './DocumentLoader.js';
import { isSourceFailure } from './DocumentSource.js';
import type { DocumentSource } from './DocumentSource.js';
import { PodBudget } from './PodBudget.js';
import type { PodBounds } from './PodBudget.js';

const logger = getLogger('PodCrawler');

/** Options of {@link PodCrawler}. */
export interface PodCrawlerOptions {
  source: DocumentSource;
  /** Parses, validates and names the graphs of fetched documents. */
  loader: DocumentLoader;
  bounds: PodBounds;
  /** Documents of one pod fetched at the same time; default 4. */
  documentConcurrency?: number;
  /** Current time; injected by tests. */
  clock?: () => Date;
}

/** Outcome of one pod crawl: the documents loaded now, and the URLs seen and not loaded. */
export interface PodCrawl {
  report: PodCrawlReport;
  /** The profile document's quads (membership may be stated there), or empty when it could not be read. */
  profile: Quad[];
  documents: LoadedDocument[];
  /** Every document URL listed in the registered containers. */
  seenUrls: Set<string>;
  /** Listed documents that could not be fetched; the view may keep their last good copy. */
  failedUrls: Set<string>;
}

/** Registered locations of one pod: containers to walk and single documents. */
interface Registrations {
  containers: string[];
  instances: string[];
}

/**
 * Crawls one member pod: WebID profile, then `pim:storage` and the public and private type
 * indexes, then the registered containers (`solid:instanceContainer`) and single registered
 * documents (`solid:instance`), then every document found. Registrations outside the pod's
 * storage (or the profile's origin when it names no storage) are skipped and reported. Nothing a
 * pod returns makes the crawl throw.
 */
export class PodCrawler {
  private readonly clock: () => Date;
  private readonly concurrency: number;

  public constructor(private readonly options: PodCrawlerOptions) {
    this.clock = options.clock ?? ((): Date => new Date());
    this.concurrency = Math.max(1, options.documentConcurrency ?? 4);
  }

  /** Crawls the pod of `webId`; `depth` is its distance from a network root, kept in the report. */
  public async crawl(webId: string, depth: number): Promise<PodCrawl> {
    const startedAt = this.clock().getTime();
    const budget = new PodBudget(webId, this.options.bounds, () => this.clock().getTime());
    const report = emptyReport(webId, depth);
    const crawl: PodCrawl = { report, profile: [], documents: [], seenUrls: new Set(), failedUrls: new Set() };
    try {
      await this.crawlInto(crawl, budget);
    } catch (error: unknown) {
      const message = `The crawl of the pod failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
      logger.error({ webId, err: error }, 'Crawl of a pod failed unexpectedly');
      budget.incomplete({ url: webId, status: 0, kind: 'internal', message });
    }
    // Documents load concurrently, so errors are sorted by URL to make the report deterministic.
    report.errors = [...budget.errors].sort((a, b) => compareCodeUnits(a.url, b.url));
    report.complete = budget.complete;
    report.coverage = coverageOf(report.loaded, report.seen);
    report.durationMs = this.clock().getTime() - startedAt;
    logger.info({ webId, seen: report.seen, loaded: report.loaded, unchanged: report.unchanged,
      rejected: report.rejected, failed: report.failed, ms: report.durationMs }, 'Pod crawled');
    return crawl;
  }

  private async crawlInto(crawl: PodCrawl, budget: PodBudget): Promise<void> {
    const { report } = crawl;
    const profileUrl = report.webId.split('#')[0] ?? report.webId;
    const profile = await this.readRequired(profileUrl, budget);
    if (profile === undefined) {
      return;
    }
    crawl.profile = profile;
    report.storage = objectsOf(profile, report.webId, PIM.storage)[0] ?? null;
    report.typeIndexes = [SOLID.publicTypeIndex, SOLID.privateTypeIndex]
      .flatMap((property) => objectsOf(profile, report.webId, property));

    const registrations = await this.readRegistrations(report, budget);
    report.containers = registrations.containers;
    const urls = await new ContainerWalker(this.options.source, budget)
      .listDocuments(registrations.containers, registrations.instances);
    crawl.seenUrls = new Set(urls);
    report.seen = urls.length;
    await this.loadDocuments(crawl, urls, budget);
  }

  /** Fetches and parses a profile or type index; a failure leaves the pod incomplete. */
  private async readRequired(url: string, budget: PodBudget): Promise<Quad[] | undefined> {
    const outcome = await this.options.source.fetchDocument(url);
    if (isSourceFailure(outcome)) {
      budget.incomplete({ url: outcome.url, status: outcome.status, kind: outcome.kind, message: outcome.message });
      return undefined;
    }
    try {
      return (await parseRdf(outcome.body, { source: url, contentType: outcome.contentType || undefined })).quads;
    } catch (error: unknown) {
      budget.incomplete({ url, status: 200, kind: 'parse', message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }

  private async readRegistrations(report: PodCrawlReport, budget: PodBudget): Promise<Registrations> {
    const scope = report.storage ?? new URL('/', report.webId).href;
    const containers = new Set<string>();
    const instances = new Set<string>();
    for (const indexUrl of report.typeIndexes) {
      const index = await this.readRequired(indexUrl, budget);
      for (const [target, isContainer] of registrationTargets(index ?? [])) {
        if (!target.startsWith(scope) || (isContainer && !target.endsWith('/'))) {
          budget.errors.push({ url: target, status: 0, kind: 'outside',
            message: `Skipped a registration in [${indexUrl}] outside the pod [${scope}] or not a container URL` });
          continue;
        }
        (isContainer ? containers : instances).add(target);
      }
    }
    return { containers: [...containers].sort(), instances: [...instances].sort() };
  }

  /** Fetches and loads the listed documents, a few at a time, while the pod has time left. */
  private async loadDocuments(crawl: PodCrawl, urls: string[], budget: PodBudget): Promise<void> {
    const loaded: (LoadedDocument | undefined)[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < urls.length && budget.hasTime()) {
        const index = next;
        next += 1;
        loaded[index] = await this.loadOne(crawl, urls[index]!, budget);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, urls.length) }, worker));
    // Documents left unfetched when the time ran out count as failed, so seen = loaded + rejected + failed.
    for (const url of urls.slice(next)) {
      crawl.failedUrls.add(url);
      crawl.report.failed += 1;
    }
    crawl.documents = loaded.filter((document): document is LoadedDocument => document !== undefined);
  }

  private async loadOne(crawl: PodCrawl, url: string, budget: PodBudget): Promise<LoadedDocument | undefined> {
    const { report } = crawl;
    const outcome = await this.options.source.fetchDocument(url);
    if (isSourceFailure(outcome)) {
      report.failed += 1;
      crawl.failedUrls.add(url);
      budget.errors.push({ url: outcome.url, status: outcome.status, kind: outcome.kind, message: outcome.message });
      return undefined;
    }
    const result = await this.options.loader.load(outcome, this.clock().toISOString());
    if ('quarantined' in result) {
      report.rejected += 1;
      report.quarantined.push(result.quarantined);
      budget.errors.push(quarantineError(result.quarantined));
      return undefined;
    }
    report.loaded += 1;
    report[outcome.status] += 1;
    return result.loaded;
  }
}

function emptyReport(webId: string, depth: number): PodCrawlReport {
  return {
    webId, storage: null, depth, typeIndexes: [], containers: [], seen: 0, loaded: 0, downloaded: 0,
    unchanged: 0, rejected: 0, failed: 0, coverage: 1, durationMs: 0, complete: true, stale: null,
    errors: [], quarantined: [],
  };
}

function quarantineError(quarantined: QuarantinedDocument): CrawlError {
  const what = quarantined.reason === 'parse' ? 'it could not be parsed' : 'it violates the SHACL shapes';
  return { url: quarantined.url, status: 200, kind: quarantined.reason,
    message: `Quarantined the document because ${what}: ${quarantined.messages.join(' | ')}` };
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
