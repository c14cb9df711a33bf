import type { Response } from 'express';
import { InvalidTraceOptionError, UnknownNodeError } from '../../trace/index.js';
import { InvalidPeriodError, UnknownFigureError, UnknownScopeError } from '../../views/index.js';

/** The JSON problem document (RFC 9457) that the service sends for every error. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The query parameter at fault, when one is. */
  parameter?: string;
}

/** Base of the problem types; each error class appends its own name. */
export const PROBLEM_TYPE_BASE = 'https://w3id.org/oce/problems#';

/** An error the API reports to the caller as it is, with its own status and problem type. */
export class ApiError extends Error {
  public constructor(
    public readonly status: number,
    public readonly problemType: string,
    public readonly title: string,
    message: string,
    public readonly parameter?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Raised when a query parameter is missing or malformed. */
export class InvalidParameterError extends ApiError {
  public constructor(parameter: string, message: string) {
    super(400, 'invalid-parameter', 'Bad Request', message, parameter);
    this.name = 'InvalidParameterError';
  }
}

/** Raised when the first crawl has not finished, so no figures exist yet. */
export class SnapshotUnavailableError extends ApiError {
  public constructor() {
    super(503, 'not-crawled-yet', 'Service Unavailable', 'The first crawl has not finished yet; retry in a few seconds');
    this.name = 'SnapshotUnavailableError';
  }
}

/** Raised when nothing is at the requested path or IRI. */
export class NotFoundError extends ApiError {
  public constructor(message: string, parameter?: string) {
    super(404, 'not-found', 'Not Found', message, parameter);
    this.name = 'NotFoundError';
  }
}

/** Raised for a method other than GET or HEAD on a read-only path. */
export class MethodNotAllowedError extends ApiError {
  public constructor(method: string, path: string) {
    super(405, 'method-not-allowed', 'Method Not Allowed',
      `The method [${method}] is not allowed on [${path}]. Use GET or HEAD.`);
    this.name = 'MethodNotAllowedError';
  }
}

/**
 * Maps an error to its problem document. API errors and the views' own errors keep their message.
 * Anything else becomes a 500 whose detail hides internals, because the log has the cause.
 */
export function problemOf(error: unknown): ProblemDocument {
  let known: ApiError | undefined;
  if (error instanceof ApiError) {
    known = error;
  } else if (error instanceof InvalidPeriodError) {
    known = new InvalidParameterError(error.parameter, error.message);
  } else if (error instanceof UnknownScopeError) {
    known = new NotFoundError(error.message, error.parameter);
  } else if (error instanceof UnknownFigureError) {
    known = new NotFoundError(error.message, 'figure');
  } else if (error instanceof UnknownNodeError) {
    known = new NotFoundError(error.message, 'id');
  } else if (error instanceof InvalidTraceOptionError) {
    known = new InvalidParameterError(error.option === 'maxDepth' ? 'depth' : error.option, error.message);
  }
  if (known === undefined) {
    return {
      type: `${PROBLEM_TYPE_BASE}internal`, title: 'Internal Server Error', status: 500,
      detail: 'The request failed; the service log has the cause',
    };
  }
  return {
    type: `${PROBLEM_TYPE_BASE}${known.problemType}`, title: known.title, status: known.status, detail: known.message,
    ...(known.parameter === undefined ? {} : { parameter: known.parameter }),
  };
}

/** Sends a problem document with its status and the `application/problem+json` type. */
export function sendProblem(response: Response, problem: ProblemDocument): void {
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
