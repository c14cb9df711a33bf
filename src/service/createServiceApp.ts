import express from 'express';
import type { Express, NextFunction, Request, Response, Router } from 'express';
import { getLogger } from '../util/index.js';
import type { NetworkSnapshot } from '../aggregator/index.js';
import { crawlReportToTurtle } from '../crawler/index.js';

const logger = getLogger('ServiceApp');

/** Paths the service serves, all read-only. */
const SERVICE_PATHS = ['/', '/health', '/inventory', '/contributions', '/crawl', '/crawl.ttl'];

/** Supplies the latest network figures; undefined until the first crawl has finished. */
export type SnapshotSource = () => NetworkSnapshot | undefined;

/**
 * Builds the HTTP service that publishes the aggregator's latest figures as JSON. `/` lists the
 * links, and `/inventory` and `/contributions` return the parts of the latest snapshot. `/crawl`
 * returns the crawl report as JSON, or as Turtle when the request prefers `text/turtle`; the
 * Turtle form is also at `/crawl.ttl`. `/health` reports liveness. Other methods than GET and
 * HEAD get a 405 with an `Allow` header. Errors become `application/problem+json`. With a
 * `sparql` router, the SPARQL 1.1 Protocol endpoint is mounted at `/sparql`.
 */
export function createServiceApp(snapshot: SnapshotSource, options: { sparql?: Router } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
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
  app.all(SERVICE_PATHS, (request: Request, response: Response) => {
    response.set('Allow', 'GET, HEAD');
    sendProblem(response, 405, 'Method Not Allowed', `The method [${request.method}] is not allowed on [${request.path}]. ` +
      'Use GET or HEAD.');
  });
  app.use((request: Request, response: Response) => {
    sendProblem(response, 404, 'Not Found', `No resource at [${request.path}]`);
  });
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    if (error instanceof SnapshotUnavailableError) {
      sendProblem(response, 503, 'Service Unavailable', error.message);
      return;
    }
    logger.error({ err: error }, 'Request failed');
    sendProblem(response, 500, 'Internal Server Error', 'The request failed; the service log has the cause');
  });
  return app;
}

/** Raised when a figure is requested before the first crawl has finished. */
export class SnapshotUnavailableError extends Error {
  public constructor() {
    super('The first crawl has not finished yet; retry in a few seconds');
    this.name = 'SnapshotUnavailableError';
  }
}

function requireSnapshot(snapshot: SnapshotSource): NetworkSnapshot {
  const current = snapshot();
  if (current === undefined) {
    throw new SnapshotUnavailableError();
  }
  return current;
}

/** Sends the crawl report as Turtle, its subject the `/crawl` URL of this service. */
async function sendTurtleReport(request: Request, response: Response, current: NetworkSnapshot): Promise<void> {
  const reportUrl = `${request.protocol}://${request.get('host') ?? 'localhost'}/crawl`;
  const turtle = await crawlReportToTurtle(current.report, reportUrl);
  response.vary('Accept').type('text/turtle').send(turtle);
}

function sendProblem(response: Response, status: number, title: string, detail: string): void {
  response.status(status).type('application/problem+json').send(JSON.stringify({ status, title, detail }));
}
