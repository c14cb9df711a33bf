import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError, InvalidParameterError } from './ApiProblem.js';
import { echoValue } from './echoValue.js';

/**
 * Builds middleware that reads a JSON request body of at most `limit` (such as `16kb`) into
 * `request.body`, for routes that then check it is an object with their fields. It raises a
 * 415 problem for a content type other than `application/json` or an unsupported charset or
 * content coding, a 413 for a body over the limit, and a 400 for text that is not JSON. A
 * request without a body passes with `request.body` left unset.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: false });
  return (request: Request, response: Response, next: NextFunction): void => {
    // type-is returns false for a body of another type, or of no declared type; null for no body.
    if (request.is('application/json') === false) {
      next(unsupportedMediaType(`Expected a JSON body with the content type application/json, got [${
        echoValue(request.get('content-type') ?? 'none')}]`));
      return;
    }
    parse(request, response, (error?: unknown) => {
      next(error === undefined ? undefined : bodyProblem(error, limit));
    });
  };
}

/** Turns a failure of the JSON body parser into the problem the caller receives. */
function bodyProblem(error: unknown, limit: string): unknown {
  const { message, type } = error as { message: string; type?: string };
  if (type === 'entity.too.large') {
    return new ApiError(413, 'body-too-large', 'Content Too Large',
      `Expected a JSON body of at most [${limit}]; send only the fields of the request`, 'body');
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return unsupportedMediaType(`Could not read the JSON body: [${echoValue(message)}]. Send it in UTF-8, ` +
      'without a Content-Encoding or with gzip');
  }
  if (type === 'entity.parse.failed') {
    return new InvalidParameterError('body', `Expected a JSON object, but the body is not valid JSON: [${
      echoValue(message)}]`);
  }
  return error;
}

function unsupportedMediaType(detail: string): ApiError {
  return new ApiError(415, 'unsupported-media-type', 'Unsupported Media Type', detail, 'body');
}
