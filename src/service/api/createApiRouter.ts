import { Router } from 'express';
import type { Request, Response } from 'express';
import type { NetworkSnapshot } from '../../aggregator/index.js';
import type { TraceDirection, TraceOptions, TraceOrder } from '../../trace/index.js';
import { parsePeriod } from '../../views/index.js';
import type { Period, ScopeKind } from '../../views/index.js';
import { ApiLinks } from './ApiLinks.js';
import { createDistributionRouter } from './distributionRoutes.js';
import type { DistributionRouteOptions } from './distributionRoutes.js';
import { InvalidParameterError, NotFoundError, SnapshotUnavailableError } from './ApiProblem.js';
import { OPENAPI_DOCUMENT } from './openApiDocument.js';
import { paginate, parseLimit } from './paginate.js';
import { createPlanningRoutes } from './planningRoutes.js';
import { eventToJson, processToJson, scopeToJson, viewToJson } from './viewJson.js';

/** Supplies the latest network figures; undefined until the first crawl has finished. */
export type SnapshotSource = () => NetworkSnapshot | undefined;

/** The kinds of view the API serves, one path each. */
export const VIEW_KINDS: readonly ScopeKind[] = ['network', 'organization', 'project', 'person'];

/** Returns the latest snapshot, or raises a 503 problem before the first crawl has finished. */
export function requireSnapshot(snapshot: SnapshotSource): NetworkSnapshot {
  const current = snapshot();
  if (current === undefined) {
    throw new SnapshotUnavailableError();
  }
  return current;
}

/** Reads a query parameter given at most once as text, and raises a 400 for a repeated one. */
function textParameter(request: Request, name: string): string | undefined {
  const value: unknown = request.query[name];
  if (value === undefined || typeof value === 'string') {
    return value;
  }
  throw new InvalidParameterError(name, `Expected one [${name}] parameter as text, got ${JSON.stringify(value)}`);
}

function requiredIri(request: Request, name: string): string {
  const value = textParameter(request, name);
  if (value === undefined || value === '') {
    throw new InvalidParameterError(name, `Expected the [${name}] parameter with the IRI to look up, got none`);
  }
  return value;
}

function periodOf(request: Request): Period {
  return parsePeriod(textParameter(request, 'from'), textParameter(request, 'to'), textParameter(request, 'scope'));
}

function traceOptionsOf(request: Request): TraceOptions {
  const order = textParameter(request, 'order');
  const depth = textParameter(request, 'depth');
  if (depth !== undefined && !/^\d{1,9}$/u.test(depth)) {
    throw new InvalidParameterError('depth', `Expected [depth] to be a whole number of steps, got [${depth}]`);
  }
  return {
    ...(order === undefined ? {} : { order: order as TraceOrder }),
    ...(depth === undefined ? {} : { maxDepth: Number(depth) }),
  };
}

function linksOf(request: Request): ApiLinks {
  return new ApiLinks(`${request.protocol}://${request.get('host') ?? 'localhost'}`);
}

/** Sends one page of a list with the link of the next page. */
function sendPage<T>(request: Request, response: Response, items: readonly T[], idOf: (item: T) => string,
  toJson: (item: T) => unknown): void {
  const page = paginate(items, idOf, parseLimit(textParameter(request, 'limit')), textParameter(request, 'cursor'));
  const query = Object.fromEntries(Object.entries(request.query).filter(([name]) => name !== 'cursor')) as
    Record<string, string>;
  response.json({
    total: page.total,
    items: page.items.map(toJson),
    next: page.nextCursor === null ? null : linksOf(request).page(`${request.baseUrl}${request.path}`, query, page.nextCursor),
  });
}

/**
 * Builds the JSON API of the accounting views, mounted at `/api`:
 * - `GET /scopes`: every network, organization, project and person, with parents, children and view links;
 * - `GET /views/{kind}?id=IRI&from=&to=`: the view of one scope (`id` may be left out for the first network);
 * - `GET /views/{kind}/events?id=&from=&to=&figure=&limit=&cursor=`: the events of a view or of one figure;
 * - `GET /views/{kind}/processes?id=&from=&to=&limit=&cursor=`: the processes of a view;
 * - `GET /events?id=IRI`: one event and the document stating it;
 * - `GET /trace?id=IRI&order=&depth=` and `GET /track?…`: value flows backward or forward from an
 *   event, resource or process, as an ordered list; `/trace/graph` and `/track/graph` give nodes
 *   with labels and edges for drawing;
 * - planning and coordination: `POST /plans/dry-run`, `GET /coordination`, `/offers-and-needs`, `/agreements`;
 * - `/distributions`: value equation dry runs and committed runs (see `createDistributionRouter`);
 * - `GET /openapi.json`: the OpenAPI 3.1 description of all of it.
 * Errors propagate to the service's one error handler, which sends a problem document.
 */
export function createApiRouter(snapshot: SnapshotSource, distributions: DistributionRouteOptions = {}): Router {
  const router = Router();
  router.get('/openapi.json', (_request, response) => {
    response.json(OPENAPI_DOCUMENT);
  });
  router.use('/distributions', createDistributionRouter(distributions));
  router.get('/scopes', (request, response) => {
    const current = requireSnapshot(snapshot);
    const { scopes } = current.views;
    const period = periodOf(request);
    const kindOf = (id: string): ScopeKind | undefined => scopes.get(id)?.kind;
    response.json({
      network: current.network,
      scopes: scopes.all().map((scope) => scopeToJson(scope, period, linksOf(request), kindOf)),
    });
  });
  for (const kind of VIEW_KINDS) {
    const scopeId = (request: Request, current: NetworkSnapshot): string =>
      kind === 'network' && textParameter(request, 'id') === undefined ? current.network : requiredIri(request, 'id');
    router.get(`/views/${kind}`, (request, response) => {
      const current = requireSnapshot(snapshot);
      const view = current.views.view(scopeId(request, current), periodOf(request), kind);
      response.json(viewToJson(view, linksOf(request), (id) => current.views.scopes.get(id)?.kind));
    });
    router.get(`/views/${kind}/events`, (request, response) => {
      const current = requireSnapshot(snapshot);
      const events = current.views.eventsOf(scopeId(request, current), periodOf(request),
        textParameter(request, 'figure'), kind);
      sendPage(request, response, events, (event) => event.id, (event) => eventToJson(event, linksOf(request)));
    });
    router.get(`/views/${kind}/processes`, (request, response) => {
      const current = requireSnapshot(snapshot);
      const processes = current.views.processesOf(scopeId(request, current), periodOf(request), kind);
      sendPage(request, response, processes, (process) => process.id, processToJson);
    });
  }
  for (const direction of ['trace', 'track'] as const satisfies readonly TraceDirection[]) {
    router.get(`/${direction}`, (request, response) => {
      const current = requireSnapshot(snapshot);
      const result = current.views.flows(direction, requiredIri(request, 'id'), traceOptionsOf(request));
      response.json({
        start: result.start, order: result.order, flows: result.flows, edges: result.edges,
        truncated: result.truncated ?? null,
      });
    });
    router.get(`/${direction}/graph`, (request, response) => {
      const current = requireSnapshot(snapshot);
      const result = current.views.flows(direction, requiredIri(request, 'id'), traceOptionsOf(request));
      const links = linksOf(request);
      response.json({
        start: result.start,
        nodes: result.flows.map((node) => ({
          ...node,
          label: current.views.labelOf(node.id),
          link: node.kind === 'EconomicEvent' ? links.event(node.id) : null,
        })),
        edges: result.edges,
        truncated: result.truncated ?? null,
      });
    });
  }
  router.get('/events', (request, response) => {
    const current = requireSnapshot(snapshot);
    const id = requiredIri(request, 'id');
    const event = current.views.event(id);
    if (event === undefined) {
      throw new NotFoundError(`No event [${id}] is in the crawled data (an excluded or quarantined event is not)`, 'id');
    }
    const links = linksOf(request);
    response.json({
      ...eventToJson(event, links),
      correctedBy: current.views.correctionsOf(id).map((correction) => links.event(correction.id)),
    });
  });
  router.use(createPlanningRoutes(() => requireSnapshot(snapshot)));
  return router;
}
