import type { Request } from 'express';
import { SparqlProtocolError } from './SparqlProtocolError.js';

/** The query and the dataset of one SPARQL protocol request; `query` is undefined without one. */
export interface QueryRequest {
  readonly query: string | undefined;
  readonly defaultGraphs: string[] | undefined;
  readonly namedGraphs: string[] | undefined;
}

const FORM = 'application/x-www-form-urlencoded';
const DIRECT_QUERY = 'application/sparql-query';
const DIRECT_UPDATE = 'application/sparql-update';

/**
 * Reads the query and the dataset from a GET, a direct POST or a form POST, as the SPARQL 1.1
 * Protocol defines them. A direct POST takes `default-graph-uri` and `named-graph-uri` from the
 * URL, a form POST from the form. Any update is rejected with a 405.
 *
 * @throws SparqlProtocolError for an update, a repeated `query` or an unsupported content type.
 */
export function readQueryRequest(request: Request): QueryRequest {
  if (request.method === 'GET') {
    return fromParameters(request.query);
  }
  if (request.is(DIRECT_UPDATE) === DIRECT_UPDATE) {
    throw updateRejected();
  }
  if (request.is(FORM) === FORM) {
    return fromParameters((request.body ?? {}) as Record<string, unknown>);
  }
  if (request.is(DIRECT_QUERY) === DIRECT_QUERY) {
    const dataset = fromParameters(request.query);
    const query = typeof request.body === 'string' ? request.body : '';
    return { ...dataset, query };
  }
  throw new SparqlProtocolError(
    415,
    'Unsupported Media Type',
    `A POST to the SPARQL endpoint must be [${DIRECT_QUERY}] or [${FORM}], ` +
      `but the request is [${request.get('content-type') ?? 'without a content type'}].`,
  );
}

function fromParameters(parameters: Record<string, unknown>): QueryRequest {
  if (parameters.update !== undefined) {
    throw updateRejected();
  }
  const query = parameters.query;
  if (Array.isArray(query)) {
    throw new SparqlProtocolError(400, 'Bad Request', `Expected one [query] parameter, but the request has [${query.length}].`);
  }
  return {
    query: typeof query === 'string' ? query : undefined,
    defaultGraphs: listParameter(parameters['default-graph-uri']),
    namedGraphs: listParameter(parameters['named-graph-uri']),
  };
}

function listParameter(value: unknown): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  return (Array.isArray(value) ? value : [value]).map(String);
}

function updateRejected(): SparqlProtocolError {
  return new SparqlProtocolError(
    405,
    'Method Not Allowed',
    'This endpoint is read-only and rejects SPARQL Update: the aggregator fills the store from the ' +
      "members' pods, so change the data in the pod and the next crawl brings it here.",
    'GET, POST',
  );
}
