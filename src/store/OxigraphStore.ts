import * as oxigraph from 'oxigraph';
import { DataFactory, Writer } from 'n3';
import type * as RDF from '@rdfjs/types';
import { getLogger } from '../util/index.js';
import type { QuadStore, QueryOptions, QueryResult } from './QuadStore.js';
import { detectQueryForm } from './detectQueryForm.js';
import { hasDatasetClause } from './hasDatasetClause.js';
import { toQueryResult } from './TextAnswer.js';
import type { TextAnswer } from './TextAnswer.js';
import { MalformedQueryError } from './MalformedQueryError.js';
import { QueryFailedError } from './QueryFailedError.js';
import { checkGraphIri } from './checkGraphIri.js';
import { QueryWorker } from './QueryWorker.js';

const logger = getLogger('OxigraphStore');

// Oxigraph 0.5 reports syntax errors as `error at LINE:COLUMN: …`; other errors come from evaluation.
const SYNTAX_ERROR = /^error at \d+:\d+/u;

/** Options of an {@link OxigraphStore}. */
export interface OxigraphStoreOptions {
  /**
   * Runs queries in a worker thread that contains a replica of the store, so a query that exceeds its
   * `timeoutMs` is stopped with a QueryTimeoutError. The replica doubles the memory of the store,
   * and the first query after a timeout waits while a new worker loads a dump of all quads.
   * Default false: queries run on the calling thread and `timeoutMs` is ignored.
   */
  readonly queryWorker?: boolean;
}

/**
 * A {@link QuadStore} held in memory by Oxigraph's WebAssembly build, so it needs nothing
 * installed. The default graph of a query without a dataset is the union of all named graphs,
 * because every quad sits in the named graph of the document it came from and a query over
 * "all the data" is the common case. The store's own default graph stays empty.
 *
 * NOTE: without the `queryWorker` option, Oxigraph evaluates a query synchronously on the calling
 * thread, so this class cannot stop it and ignores `timeoutMs`. Either way `maxResults` cuts the
 * result only after the engine has built it in full.
 */
export class OxigraphStore implements QuadStore {
  private readonly store = new oxigraph.Store();
  private readonly graphIris = new Set<string>();
  private readonly worker?: QueryWorker;

  public constructor(options: OxigraphStoreOptions = {}) {
    if (options.queryWorker === true) {
      this.worker = new QueryWorker(() => this.toNQuads());
    }
  }

  /** Number of quads in all graphs. */
  public get size(): number {
    return this.store.size;
  }

  public countQuads(): Promise<number> {
    return Promise.resolve(this.store.size);
  }

  public replaceGraph(graphIri: string, quads: Iterable<RDF.Quad>): Promise<void> {
    return settle(() => {
      this.replaceGraphText(graphIri, new Writer({ format: 'N-Triples' }).quadsToString([...quads].map(toTriple)));
    });
  }

  /** Replaces the content of the named graph `graphIri` with the triples of an N-Triples text. */
  public replaceGraphText(graphIri: string, nTriples: string): void {
    checkGraphIri(graphIri);
    this.dropGraph(graphIri);
    if (nTriples.length > 0) {
      this.store.load(nTriples, { format: 'application/n-triples', to_graph_name: oxigraph.namedNode(graphIri) });
      this.graphIris.add(graphIri);
    }
    this.worker?.replaceGraph(graphIri, nTriples);
  }

  public deleteGraph(graphIri: string): Promise<void> {
    return settle(() => {
      this.replaceGraphText(graphIri, '');
    });
  }

  public graphs(): Promise<string[]> {
    return Promise.resolve([...this.graphIris].sort());
  }

  public async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    if (this.worker !== undefined) {
      return toQueryResult(await this.worker.query(sparql, options), options.maxResults);
    }
    return settle(() => toQueryResult(this.queryText(sparql, options), options.maxResults));
  }

  /** Terminates the query worker, if there is one. */
  public async close(): Promise<void> {
    await this.worker?.close();
  }

  /**
   * Runs a query and returns the engine's result as text: SPARQL JSON results for SELECT and ASK,
   * N-Triples for CONSTRUCT and DESCRIBE. A worker sends this text to the main thread.
   *
   * @throws MalformedQueryError or QueryFailedError as {@link QuadStore.query} does.
   */
  public queryText(sparql: string, options: QueryOptions = {}): TextAnswer {
    try {
      return this.runQuery(sparql, options);
    } catch (error) {
      throw translateError(error);
    }
  }

  /** Serializes every named graph as N-Quads, such as to seed a replica of this store. */
  public toNQuads(): string {
    return this.store.dump({ format: 'application/n-quads' });
  }

  /** Adds the quads of an N-Quads text, such as the output of {@link toNQuads}, to an empty store. */
  public loadNQuads(nQuads: string): void {
    if (nQuads.length > 0) {
      this.store.load(nQuads, { format: 'application/n-quads' });
    }
    const answer = this.store.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }') as Map<string, oxigraph.Term>[];
    for (const row of answer) {
      this.graphIris.add(row.get('g')?.value ?? '');
    }
  }

  private dropGraph(graphIri: string): void {
    if (this.graphIris.delete(graphIri)) {
      this.store.update(`DROP SILENT GRAPH <${graphIri}>`);
    }
  }

  private runQuery(sparql: string, options: QueryOptions): TextAnswer {
    const form = detectQueryForm(sparql);
    const engineOptions = datasetOptions(sparql, options);
    if (form === 'CONSTRUCT' || form === 'DESCRIBE') {
      const nTriples = this.store.query(sparql, { ...engineOptions, results_format: 'application/n-triples' });
      return { kind: 'graph', text: nTriples as string };
    }
    const json = this.store.query(sparql, { ...engineOptions, results_format: 'application/sparql-results+json' });
    return { kind: 'results', text: json as string };
  }
}

/** Runs `work` now and returns its result, or its error, as a settled promise. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Moves a quad to the default graph, so N-Triples can hold it. */
function toTriple(quad: RDF.Quad): RDF.Quad {
  return DataFactory.quad(quad.subject, quad.predicate, quad.object);
}

/** Translates the dataset of the query options into Oxigraph's query options. */
function datasetOptions(sparql: string, options: QueryOptions): Parameters<oxigraph.Store['query']>[1] {
  if (options.defaultGraphs === undefined && options.namedGraphs === undefined) {
    // The query's FROM and FROM NAMED clauses, when present, define the dataset on their own.
    return hasDatasetClause(sparql) ? {} : { use_default_graph_as_union: true };
  }
  return {
    default_graph: (options.defaultGraphs ?? []).map((iri) => oxigraph.namedNode(iri)),
    named_graphs: (options.namedGraphs ?? []).map((iri) => oxigraph.namedNode(iri)),
  };
}

/** Turns an error thrown by Oxigraph into the typed error of the {@link QuadStore} contract. */
export function translateError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (SYNTAX_ERROR.test(message)) {
    return new MalformedQueryError(message);
  }
  logger.debug({ err: error }, 'Query failed during evaluation');
  return new QueryFailedError(message, { cause: error });
}
