import type * as RDF from '@rdfjs/types';

/** One solution of a SELECT query: each bound variable name (without `?`) maps to its term. */
export type Bindings = ReadonlyMap<string, RDF.Term>;

/** The solutions of a SELECT query, in the order the engine returned them. */
export interface BindingsResult {
  readonly type: 'bindings';
  /** The projected variable names without `?`, in projection order, bound or not. */
  readonly variables: readonly string[];
  readonly rows: readonly Bindings[];
  /** True when the engine returned more than `maxResults` rows and `rows` holds only the first ones. */
  readonly truncated: boolean;
}

/** The result of an ASK query. */
export interface BooleanResult {
  readonly type: 'boolean';
  readonly value: boolean;
}

/** The triples of a CONSTRUCT or DESCRIBE query, all in the default graph. */
export interface QuadsResult {
  readonly type: 'quads';
  readonly quads: readonly RDF.Quad[];
  /** True when the engine returned more than `maxResults` triples and `quads` holds only the first ones. */
  readonly truncated: boolean;
}

/** The typed result of a SPARQL query, by query form. */
export type QueryResult = BindingsResult | BooleanResult | QuadsResult;

/** Limits and the RDF dataset of one query. */
export interface QueryOptions {
  /**
   * IRIs of the graphs whose merge is the default graph, as the protocol's `default-graph-uri`.
   * When this or `namedGraphs` is given, the two together are the whole dataset and replace any
   * `FROM` and `FROM NAMED` clauses of the query.
   */
  readonly defaultGraphs?: readonly string[];
  /** IRIs of the graphs that `GRAPH` patterns see, as the protocol's `named-graph-uri`. */
  readonly namedGraphs?: readonly string[];
  /** Maximum time in milliseconds that the query may run; the store defines what it can bound. */
  readonly timeoutMs?: number;
  /** Maximum number of rows or triples returned; more are cut off and the result is marked truncated. */
  readonly maxResults?: number;
}

/**
 * The aggregated store: one named graph per crawled source document, named by the document's
 * URL, plus the aggregator's own derived graphs (inventory, crawl report) under their own IRIs.
 *
 * Without a dataset in the query options or in the query, the default graph is the union of all
 * named graphs, and `GRAPH ?g` ranges over every named graph. Queries are read-only: a store
 * offers no SPARQL Update, because graphs change only through `replaceGraph` and `deleteGraph`.
 */
export interface QuadStore {
  /** Counts the quads in all named graphs of the store. */
  countQuads(): Promise<number>;

  /**
   * Replaces the content of the named graph `graphIri` with `quads`, ignoring the graph
   * component of each quad. An empty list leaves the graph empty, so it no longer exists.
   */
  replaceGraph(graphIri: string, quads: Iterable<RDF.Quad>): Promise<void>;

  /** Removes the named graph `graphIri` and all its quads; removing an absent graph does nothing. */
  deleteGraph(graphIri: string): Promise<void>;

  /** Returns the IRIs of the named graphs that hold at least one quad, sorted by code unit. */
  graphs(): Promise<string[]>;

  /**
   * Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE).
   *
   * @throws MalformedQueryError when the query does not parse, with the parser's message.
   * @throws QueryTimeoutError when the query runs longer than `timeoutMs`.
   * @throws QueryFailedError when the engine rejects or fails to evaluate a parsed query.
   */
  query(sparql: string, options?: QueryOptions): Promise<QueryResult>;

  /** Releases the threads and connections of the store, which rejects calls afterwards. */
  close(): Promise<void>;
}
