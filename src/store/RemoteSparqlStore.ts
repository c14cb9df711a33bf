import { DataFactory, Writer } from 'n3';
import type * as RDF from '@rdfjs/types';
import { getLogger } from '../util/index.js';
import type { QuadStore, QueryOptions, QueryResult } from './QuadStore.js';
import { checkGraphIri } from './checkGraphIri.js';
import { detectQueryForm } from './detectQueryForm.js';
import { httpDigestFetch } from './httpDigestFetch.js';
import type { HttpCredentials } from './httpDigestFetch.js';
import { partitionTriples } from './partitionTriples.js';
import { RemoteStoreError } from './RemoteStoreError.js';
import { toRemoteQueryResult } from './toRemoteQueryResult.js';
import { MalformedQueryError } from './MalformedQueryError.js';
import { QueryFailedError } from './QueryFailedError.js';
import { QueryTimeoutError } from './QueryTimeoutError.js';

const logger = getLogger('RemoteSparqlStore');

// A graph that no store writes to. When the options give only one of the two graph lists, the
// other list becomes this graph, because the protocol cannot send an empty list.
const EMPTY_GRAPH = 'urn:x-oce:no-graph';

/** Where and how a {@link RemoteSparqlStore} reaches its server. */
export interface RemoteSparqlStoreOptions {
  /** Base URL of the server, such as `http://127.0.0.1:8890/`; every request goes below it. */
  readonly baseUrl: string;
  /** Path of the SPARQL 1.1 Query endpoint, relative to `baseUrl`; default `sparql`. */
  readonly queryPath?: string;
  /** Path of the SPARQL 1.1 Graph Store HTTP Protocol endpoint; default `sparql-graph-crud`. */
  readonly graphStorePath?: string;
  /** Account for HTTP Digest or Basic authentication, when the endpoints require one. */
  readonly credentials?: HttpCredentials;
  /** The fetch to send requests with, such as one wrapped by an address guard; default global fetch. */
  readonly fetch?: typeof fetch;
  /** Maximum number of triples in one request body; default 10,000. */
  readonly batchSize?: number;
  /** Maximum time of one write request in milliseconds; default 60,000. */
  readonly requestTimeoutMs?: number;
}

/** Paths of Virtuoso's endpoints that require authentication and accept writes. */
export const VIRTUOSO_AUTHENTICATED_PATHS = {
  queryPath: 'sparql-auth',
  graphStorePath: 'sparql-graph-crud-auth',
} as const;

/**
 * A {@link QuadStore} on a SPARQL server: writes use the Graph Store HTTP Protocol (a PUT replaces
 * one document's graph, a DELETE removes it) and queries use the SPARQL 1.1 Protocol.
 *
 * The store's contract that the default graph is the union of the store's named graphs holds only
 * when the account sees no other graphs, because the union is the server's own default graph. On
 * Virtuoso 7.2 the default graph is the union of every graph the user may read, system graphs
 * included, so their read permission must be taken from the store's account (see the README).
 *
 * Virtuoso 7.2.5 merges the `defaultGraphs` of the query options with a `FROM` clause of the query
 * instead of replacing it, as the SPARQL 1.1 Protocol requires; this store passes both unchanged.
 *
 * NOTE: a graph larger than `batchSize` is written as a PUT and then POSTs, so a reader can see a
 * partly written graph, and a failure part way leaves it partly written until the next replace.
 */
export class RemoteSparqlStore implements QuadStore {
  private readonly fetch: typeof fetch;
  private readonly queryUrl: string;
  private readonly graphStoreUrl: string;
  private readonly batchSize: number;
  private readonly requestTimeoutMs: number;

  public constructor(options: RemoteSparqlStoreOptions) {
    const baseUrl = parseBaseUrl(options.baseUrl);
    this.queryUrl = endpointUrl(baseUrl, options.queryPath ?? 'sparql');
    this.graphStoreUrl = endpointUrl(baseUrl, options.graphStorePath ?? 'sparql-graph-crud');
    const plainFetch = options.fetch ?? globalThis.fetch;
    this.fetch = options.credentials === undefined ? plainFetch : httpDigestFetch(plainFetch, options.credentials);
    this.batchSize = options.batchSize ?? 10_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new Error(`Invalid batch size [${this.batchSize}]. Expected a positive integer.`);
    }
  }

  public async replaceGraph(graphIri: string, quads: Iterable<RDF.Quad>): Promise<void> {
    checkGraphIri(graphIri);
    const triples = [...quads].map((quad) => DataFactory.quad(quad.subject, quad.predicate, quad.object));
    if (triples.length === 0) {
      await this.deleteGraph(graphIri);
      return;
    }
    const batches = partitionTriples(triples, this.batchSize);
    for (const [index, batch] of batches.entries()) {
      const body = new Writer({ format: 'N-Triples' }).quadsToString(batch);
      await this.write(index === 0 ? 'PUT' : 'POST', graphIri, body);
    }
    logger.debug({ graphIri, triples: triples.length, requests: batches.length }, 'Replaced a graph');
  }

  public async deleteGraph(graphIri: string): Promise<void> {
    checkGraphIri(graphIri);
    await this.write('DELETE', graphIri);
  }

  public async graphs(): Promise<string[]> {
    const result = await this.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }');
    const iris = result.type === 'bindings' ? result.rows.map((row) => row.get('g')?.value ?? '') : [];
    return iris.sort((left, right) => (left < right ? -1 : Number(left > right)));
  }

  public async countQuads(): Promise<number> {
    const result = await this.query('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }');
    const count = result.type === 'bindings' ? result.rows[0]?.get('n')?.value : undefined;
    return Number(count ?? 0);
  }

  public async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const form = detectQueryForm(sparql);
    const graphForm = form === 'CONSTRUCT' || form === 'DESCRIBE';
    const body = queryBody(sparql, options);
    const signal = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(this.queryUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: graphForm ? 'application/n-triples' : 'application/sparql-results+json',
        },
        body,
        redirect: 'manual',
        signal,
      });
      text = await response.text();
    } catch (error) {
      throw queryTransportError(error, options.timeoutMs, this.queryUrl);
    }
    if (!response.ok) {
      throw queryError(response, text, this.queryUrl);
    }
    return toRemoteQueryResult(form, { kind: graphForm ? 'graph' : 'results', text }, options.maxResults);
  }

  /** Does nothing, because the store keeps no connection beyond those of its fetch. */
  public close(): Promise<void> {
    return Promise.resolve();
  }

  private async write(method: 'PUT' | 'POST' | 'DELETE', graphIri: string, body?: string): Promise<void> {
    const url = `${this.graphStoreUrl}?graph=${encodeURIComponent(graphIri)}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/n-triples' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new RemoteStoreError(method, url, undefined, describeCause(error), { cause: error });
    }
    // Removing a graph that does not exist is allowed by the store contract.
    if (response.ok || (method === 'DELETE' && response.status === 404)) {
      return;
    }
    throw new RemoteStoreError(method, url, response.status, serverMessage(response, text));
  }
}

function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Invalid base URL [${baseUrl}] of the remote store. Expected an absolute http or https URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Invalid base URL [${baseUrl}] of the remote store. Expected an http or https URL.`);
  }
  return url;
}

/** Resolves an endpoint path against the base URL and rejects a path that leaves it. */
function endpointUrl(baseUrl: URL, path: string): string {
  const base = baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`;
  const url = new URL(path, base).href;
  if (!url.startsWith(base) || url.includes('?') || url.includes('#')) {
    throw new Error(`Invalid endpoint path [${path}]: it resolves to [${url}], outside the base URL [${base}].`);
  }
  return url;
}

function queryBody(sparql: string, options: QueryOptions): URLSearchParams {
  const body = new URLSearchParams({ query: sparql });
  if (options.defaultGraphs === undefined && options.namedGraphs === undefined) {
    return body;
  }
  const defaultGraphs = options.defaultGraphs ?? [];
  const namedGraphs = options.namedGraphs ?? [];
  for (const iri of defaultGraphs.length === 0 ? [EMPTY_GRAPH] : defaultGraphs) {
    body.append('default-graph-uri', iri);
  }
  for (const iri of namedGraphs.length === 0 ? [EMPTY_GRAPH] : namedGraphs) {
    body.append('named-graph-uri', iri);
  }
  return body;
}

function queryTransportError(error: unknown, timeoutMs: number | undefined, url: string): Error {
  if (timeoutMs !== undefined && error instanceof DOMException && error.name === 'TimeoutError') {
    return new QueryTimeoutError(timeoutMs);
  }
  return new QueryFailedError(`POST [${url}] failed: ${describeCause(error)}`, { cause: error });
}

/** Maps a failed query response. The SPARQL protocol returns 400 for a query that does not parse. */
function queryError(response: Response, text: string, url: string): Error {
  const message = serverMessage(response, text);
  if (response.status === 400) {
    return new MalformedQueryError(message);
  }
  return new QueryFailedError(`POST [${url}] failed with status [${response.status}]: ${message}`);
}

/** Extracts the server's explanation: the body as plain text without HTML tags, at most 1,000 characters. */
function serverMessage(response: Response, text: string): string {
  if (response.status >= 300 && response.status < 400) {
    return `redirect to [${response.headers.get('location') ?? ''}], which the store does not follow`;
  }
  const plain = text.replace(/<[^>]*>/gu, ' ').replace(/\s+/gu, ' ').trim();
  const message = plain === '' ? response.statusText : plain;
  return message.length > 1000 ? `${message.slice(0, 1000)}…` : message;
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
