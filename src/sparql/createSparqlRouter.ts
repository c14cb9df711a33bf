import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import { getLogger } from '../util/index.js';
import { MalformedQueryError, QueryFailedError, QueryTimeoutError } from '../store/index.js';
import type { QuadStore, QueryResult } from '../store/index.js';
import { readQueryRequest } from './readQueryRequest.js';
import { SparqlProtocolError } from './SparqlProtocolError.js';
import { BOOLEAN_MEDIA_TYPES, RESULTS_MEDIA_TYPES, serializeResults } from './serializeResults.js';
import type { ResultsMediaType } from './serializeResults.js';
import { GRAPH_MEDIA_TYPES, serializeGraph } from './serializeGraph.js';
import type { GraphMediaType } from './serializeGraph.js';
import { describeService, SD } from './describeService.js';

const logger = getLogger('SparqlRouter');

/** Limits of the SPARQL endpoint. */
export interface SparqlRouterOptions {
  /** Maximum run time of one query in milliseconds; default 30,000. */
  readonly timeoutMs?: number;
  /** Maximum rows of a SELECT or triples of a CONSTRUCT or DESCRIBE result; default 10,000. */
  readonly maxResults?: number;
  /** Maximum size of a POST body, in the notation of express body parsers; default `1mb`. */
  readonly maxBodySize?: string;
}

/** Response header set on a result cut at the result limit, with the limit as its value. */
export const TRUNCATED_HEADER = 'Results-Truncated';

/**
 * Builds the read-only SPARQL 1.1 Protocol endpoint over `store`, to be mounted at `/sparql`.
 * GET `?query=`, POST `application/sparql-query` and POST `application/x-www-form-urlencoded`
 * run a query, with `default-graph-uri` and `named-graph-uri` setting the dataset. Result formats are
 * negotiated by `Accept`. A result longer than `maxResults` is cut to that many rows or triples
 * and carries the `Results-Truncated` header, because a client that pages with LIMIT and OFFSET
 * can still read every row. GET without a query returns the service description. Updates get a
 * 405, and every error is `application/problem+json`. A query over `timeoutMs` gets a 503.
 *
 * NOTE: the time limit holds only when `store` enforces it: an OxigraphStore with its
 * `queryWorker` option or a RemoteSparqlStore does, a plain OxigraphStore ignores `timeoutMs`.
 */
export function createSparqlRouter(store: QuadStore, options: SparqlRouterOptions = {}): Router {
  const limits = { timeoutMs: options.timeoutMs ?? 30_000, maxResults: options.maxResults ?? 10_000 };
  const bodyLimit = options.maxBodySize ?? '1mb';
  const router = express.Router();
  router.use(express.text({ type: ['application/sparql-query', 'application/sparql-update'], limit: bodyLimit }));
  router.use(express.urlencoded({ extended: false, limit: bodyLimit }));

  const handle = async (request: Request, response: Response): Promise<void> => {
    const { query, defaultGraphs, namedGraphs } = readQueryRequest(request);
    response.vary('Accept');
    if (query === undefined) {
      await sendServiceDescription(request, response);
      return;
    }
    const result = await store.query(query, { defaultGraphs, namedGraphs, ...limits });
    await sendResult(request, response, result, limits.maxResults);
  };
  router.get('/', handle);
  router.post('/', handle);
  router.all('/', (request: Request) => {
    throw new SparqlProtocolError(405, 'Method Not Allowed',
      `The method [${request.method}] is not allowed on the SPARQL endpoint. Use GET or POST.`, 'GET, POST');
  });
  router.use(sendError);
  return router;
}

async function sendResult(
  request: Request,
  response: Response,
  result: QueryResult,
  maxResults: number,
): Promise<void> {
  if (result.type !== 'boolean' && result.truncated) {
    response.set(TRUNCATED_HEADER, String(maxResults));
  }
  if (result.type === 'quads') {
    const mediaType = negotiate(request, GRAPH_MEDIA_TYPES, 'a CONSTRUCT or DESCRIBE result');
    response.type(mediaType).send(await serializeGraph(result.quads, mediaType));
    return;
  }
  const offered = result.type === 'boolean' ? BOOLEAN_MEDIA_TYPES : RESULTS_MEDIA_TYPES;
  const mediaType = negotiate(request, offered, result.type === 'boolean' ? 'an ASK result' : 'a SELECT result');
  response.type(mediaType).send(serializeResults(result, mediaType));
}

async function sendServiceDescription(request: Request, response: Response): Promise<void> {
  const endpointUrl = `${request.protocol}://${request.get('host') ?? 'localhost'}${request.originalUrl.split('?')[0]}`;
  const mediaType = negotiate(request, GRAPH_MEDIA_TYPES, 'the service description');
  response.type(mediaType).send(await serializeGraph(describeService(endpointUrl), mediaType, { sd: SD }));
}

function negotiate<T extends ResultsMediaType | GraphMediaType>(
  request: Request,
  offered: readonly T[],
  what: string,
): T {
  const chosen = request.accepts([...offered]);
  if (chosen === false) {
    throw new SparqlProtocolError(406, 'Not Acceptable', `No media type in the Accept header ` +
      `[${request.get('accept') ?? ''}] is available for ${what}. Available: [${offered.join(', ')}].`);
  }
  return chosen as T;
}

function sendError(error: unknown, request: Request, response: Response, _next: NextFunction): void {
  const { status, title, detail } = describeError(error);
  if (status === 503 || status === 501) {
    logger.warn({ status, detail, method: request.method }, 'SPARQL query returned no result');
  } else if (status >= 500) {
    logger.error({ err: error, method: request.method }, 'SPARQL request failed');
  } else {
    logger.debug({ status, detail }, 'SPARQL request rejected');
  }
  if (error instanceof SparqlProtocolError && error.allow !== undefined) {
    response.set('Allow', error.allow);
  }
  const type = `https://w3id.org/oce/problems#${title.toLowerCase().replace(/ /gu, '-')}`;
  response.status(status).type('application/problem+json').send(JSON.stringify({ type, title, status, detail }));
}

function describeError(error: unknown): { status: number; title: string; detail: string } {
  if (error instanceof SparqlProtocolError) {
    return { status: error.status, title: error.title, detail: error.message };
  }
  if (error instanceof MalformedQueryError) {
    return { status: 400, title: 'Malformed Query', detail: error.message };
  }
  if (error instanceof QueryTimeoutError) {
    return { status: 503, title: 'Query Timed Out', detail: error.message };
  }
  if (error instanceof QueryFailedError && /^The service <[^>]*> is not supported$/u.test(error.engineMessage)) {
    return {
      status: 501, title: 'Not Implemented',
      detail: `${error.engineMessage}: this endpoint answers over the aggregated graph only and sends no federated ` +
        'queries, so remove the SERVICE clause',
    };
  }
  if (error instanceof QueryFailedError) {
    return { status: 500, title: 'Query Failed', detail: error.message };
  }
  // Errors of the body parsers carry the status to send, such as 413 for a body over the limit.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, title: 'Bad Request', detail: (error as Error).message };
  }
  return { status: 500, title: 'Internal Server Error', detail: 'The query failed; the service log has the cause.' };
}
