import express from 'express';
import type { Express, NextFunction, Request, Response, Router } from 'express';
import { getLogger } from '../util/index.js';
import type { NetworkSnapshot } from '../aggregator/index.js';
import { crawlReportToTurtle } from '../crawler/index.js';
import { MethodNotAllowedError, NotFoundError, problemOf, sendProblem } from './api/ApiProblem.js';
import { createApiRouter, requireSnapshot } from './api/createApiRouter.js';
import type { SnapshotSource } from './api/createApiRouter.js';
import type { DistributionRouteOptions } from './api/distributionRoutes.js';
import type { CallerAuthenticator } from './auth/index.js';

const logger = getLogger('ServiceApp');

/** Paths the service serves, all read-only. */
const SERVICE_PATHS = ['/', '/health', '/inventory', '/contributions', '/crawl', '/crawl.ttl'];


/**
 * Builds the HTTP service that publishes the aggregator's latest figures as JSON. `/` lists the
 * links, and `/inventory` and `/contributions` return the parts of the latest snapshot. `/crawl`
 * returns the crawl report as JSON, or as Turtle when the request prefers `text/turtle`; the
 * Turtle form is also at `/crawl.ttl`. `/health` reports liveness. Other methods than GET and
 * HEAD get a 405 with an `Allow` header. The accounting views' JSON API is under `/api` (see
 * {@link createApiRouter}). Every error is mapped once, by {@link problemOf}, to an
 * `application/problem+json` response. With a `sparql` router, the SPARQL 1.1 Protocol endpoint is
 * mounted at `/sparql`. With an `auth` middleware (see `createServiceAuth`), every request is
 * authenticated and checked against the access policy before any route runs.
 */
export function createServiceApp(
  snapshot: SnapshotSource,
  options: { sparql?: Router; auth?: CallerAuthenticator; distributions?: DistributionRouteOptions } = {},
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (options.auth !== undefined) {
    app.use(options.auth);
  }
  app.use('/api', createApiRouter(snapshot, options.distributions));
  if (options.sparql !== undefined) {
    app.use('/sparql', options.sparql);
  }

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', crawled: snapshot() !== undefined });
  });
  app.get('/', (request, response) => {
    const base = `${request.protocol}://${request.get('host') ?? 'localhost'}`;
    response.json({
      inventory: `${base}/inventory`,
      contributions: `${base}/contributions`,
      crawl: `${base}/crawl`,
      crawlTurtle: `${base}/crawl.ttl`,
      health: `${base}/health`,
      networkView: `${base}/api/views/network`,
      scopes: `${base}/api/scopes`,
      openapi: `${base}/api/openapi.json`,
      ...(options.sparql === undefined ? {} : { sparql: `${base}/sparql` }),
    });
  });
  app.get('/inventory', (_request, response) => {
    response.json(requireSnapshot(snapshot).inventory);
  });
  app.get('/contributions', (_request, response) => {
    response.json(requireSnapshot(snapshot).contributions);
  });
  app.get('/crawl', async (request, response) => {
    const current = requireSnapshot(snapshot);
    if (request.accepts(['application/json', 'text/turtle']) === 'text/turtle') {
      await sendTurtleReport(request, response, current);
      return;
    }
    response.vary('Accept').json(current.report);
  });
  app.get('/crawl.ttl', async (request, response) => {
    await sendTurtleReport(request, response, requireSnapshot(snapshot));
  });

  // Express serves HEAD from the GET routes, so every other method on a known path is a 405.
  app.all([...SERVICE_PATHS, /^\/api\//u], (request: Request, response: Response, next: NextFunction) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      next();
      return;
    }
    response.set('Allow', 'GET, HEAD');
    next(new MethodNotAllowedError(request.method, request.path));
  });
  app.use((request: Request, _response: Response, next: NextFunction) => {
    next(new NotFoundError(`No resource at [${request.path}]`));
  });
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    const problem = problemOf(error);
    if (problem.status >= 500 && problem.status !== 503) {
      logger.error({ err: error }, 'Request failed');
    }
    sendProblem(response, problem);
  });
  return app;
}

/** Sends the crawl report as Turtle, its subject the `/crawl` URL of this service. */
async function sendTurtleReport(request: Request, response: Response, current: NetworkSnapshot): Promise<void> {
  const reportUrl = `${request.protocol}://${request.get('host') ?? 'localhost'}/crawl`;
  const turtle = await crawlReportToTurtle(current.report, reportUrl);
  response.vary('Accept').type('text/turtle').send(turtle);
}

