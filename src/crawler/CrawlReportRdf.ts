import { DataFactory, Writer } from 'n3';
import type { BlankNode, Literal, NamedNode, Quad, Quad_Subject } from 'n3';
import type { Problem } from '../model/index.js';
import { RDF, XSD } from '../vocab/index.js';
import { severityOf } from './CrawlReport.js';
import type { CrawlError, CrawlReportJson, PodCrawlReport } from './CrawlReport.js';
import { OCE_CRAWL } from './CrawlVocabulary.js';

const blankNode = (): BlankNode => DataFactory.blankNode();
const namedNode = (iri: string): NamedNode => DataFactory.namedNode(iri);
const literal = (value: string, datatype?: NamedNode): Literal => DataFactory.literal(value, datatype);
const quad = (subject: Quad_Subject, predicate: NamedNode, object: Quad['object']): Quad =>
  DataFactory.quad(subject, predicate, object);

/**
 * Builds the RDF form of a crawl report: `<reportUrl> a oce:CrawlReport` with the totals, one
 * `oce:PodCrawl` per pod with its counts, stale mark and problems, and the report's own problems
 * (membership cycles, duplicate events). Pods and problems are blank nodes.
 */
export function crawlReportToQuads(report: CrawlReportJson, reportUrl: string): Quad[] {
  const quads: Quad[] = [];
  const subject = namedNode(reportUrl);
  const add = (node: Quad_Subject, predicate: NamedNode, object: NamedNode | Literal | Quad_Subject): void => {
    quads.push(quad(node, predicate, object));
  };
  add(subject, RDF.type, OCE_CRAWL.CrawlReport);
  add(subject, OCE_CRAWL.crawledAt, literal(report.crawledAt, XSD.dateTime));
  add(subject, OCE_CRAWL.durationMilliseconds, integer(report.durationMs));
  report.roots.forEach((root) => add(subject, OCE_CRAWL.root, namedNode(root)));
  addCounts(add, subject, report.totals);
  add(subject, OCE_CRAWL.coverage, literal(report.totals.coverage.toString(), XSD.decimal));
  for (const pod of report.pods) {
    const node = blankNode();
    add(subject, OCE_CRAWL.podCrawl, node);
    addPod(add, node, pod);
  }
  for (const entry of report.problems) {
    const node = blankNode();
    add(subject, OCE_CRAWL.problem, node);
    addProblem(add, node, entry);
  }
  return quads;
}

/** Serializes the RDF crawl report as Turtle with the `oce:` and `xsd:` prefixes. */
export function crawlReportToTurtle(report: CrawlReportJson, reportUrl: string): Promise<string> {
  const writer = new Writer({ prefixes: { oce: OCE_CRAWL.namespace, xsd: XSD.namespace } });
  writer.addQuads(crawlReportToQuads(report, reportUrl));
  return new Promise((resolve, reject) => {
    writer.end((error: Error | null, text: string) => (error === null ? resolve(text) : reject(error)));
  });
}

type Add = (node: Quad_Subject, predicate: NamedNode, object: NamedNode | Literal | Quad_Subject) => void;

function addPod(add: Add, node: Quad_Subject, pod: PodCrawlReport): void {
  add(node, RDF.type, OCE_CRAWL.PodCrawl);
  add(node, OCE_CRAWL.agent, namedNode(pod.webId));
  if (pod.storage !== null) {
    add(node, OCE_CRAWL.storage, namedNode(pod.storage));
  }
  add(node, OCE_CRAWL.depth, integer(pod.depth));
  addCounts(add, node, pod);
  add(node, OCE_CRAWL.coverage, literal(pod.coverage.toString(), XSD.decimal));
  add(node, OCE_CRAWL.durationMilliseconds, integer(pod.durationMs));
  add(node, OCE_CRAWL.complete, literal(String(pod.complete), XSD.boolean));
  if (pod.stale !== null) {
    add(node, OCE_CRAWL.staleReason, literal(pod.stale.reason));
    if (pod.stale.since !== null) {
      add(node, OCE_CRAWL.staleSince, literal(pod.stale.since, XSD.dateTime));
    }
  }
  for (const error of pod.errors) {
    const problemNode = blankNode();
    add(node, OCE_CRAWL.problem, problemNode);
    addError(add, problemNode, error);
  }
}

function addCounts(add: Add, node: Quad_Subject, fields: CountFields): void {
  add(node, OCE_CRAWL.documentsSeen, integer(fields.seen));
  add(node, OCE_CRAWL.documentsLoaded, integer(fields.loaded));
  add(node, OCE_CRAWL.documentsDownloaded, integer(fields.downloaded));
  add(node, OCE_CRAWL.documentsUnchanged, integer(fields.unchanged));
  add(node, OCE_CRAWL.documentsRejected, integer(fields.rejected));
  add(node, OCE_CRAWL.documentsFailed, integer(fields.failed));
}

/** The document counts that a pod crawl and the totals share. */
interface CountFields {
  seen: number;
  loaded: number;
  downloaded: number;
  unchanged: number;
  rejected: number;
  failed: number;
}

function addError(add: Add, node: Quad_Subject, error: CrawlError): void {
  add(node, RDF.type, OCE_CRAWL.Problem);
  add(node, OCE_CRAWL.severity, severityOf(error) === 'warning' ? OCE_CRAWL.Warning : OCE_CRAWL.Error);
  add(node, OCE_CRAWL.message, literal(error.message));
  add(node, OCE_CRAWL.source, iriOrLiteral(error.url));
  add(node, OCE_CRAWL.httpStatus, integer(error.status));
  add(node, OCE_CRAWL.problemKind, literal(error.kind));
}

function addProblem(add: Add, node: Quad_Subject, entry: Problem): void {
  add(node, RDF.type, OCE_CRAWL.Problem);
  add(node, OCE_CRAWL.severity, entry.severity === 'error' ? OCE_CRAWL.Error : OCE_CRAWL.Warning);
  add(node, OCE_CRAWL.message, literal(entry.message));
  if (entry.subject !== null) {
    add(node, OCE_CRAWL.subject, namedNode(entry.subject));
  }
  if (entry.source !== null) {
    add(node, OCE_CRAWL.source, iriOrLiteral(entry.source));
  }
}

function integer(value: number): Literal {
  return literal(String(value), XSD.integer);
}

/** Returns an absolute URL as an IRI and anything else (a WebID that is no URL) as a string literal. */
function iriOrLiteral(value: string): NamedNode | Literal {
  return URL.canParse(value) ? namedNode(value) : literal(value);
}
