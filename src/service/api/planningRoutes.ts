import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Request } from 'express';
import type { NetworkSnapshot } from '../../aggregator/index.js';
import { parseDecimal } from '../../model/index.js';
import {
  agreementBalanceToJson, explodeRecipe, flowProgressToJson, fragmentPlanIris, Instant, NetworkCoordination,
  needMatchesToJson, PlanningError, planToJson, statusSummaryToJson,
} from '../../planning/index.js';
import type { PlanDemand } from '../../planning/index.js';
import { UnknownScopeError } from '../../views/index.js';
import { ApiLinks } from './ApiLinks.js';
import { ApiError, InvalidParameterError, NotFoundError } from './ApiProblem.js';
import { echoValue } from './echoValue.js';
import { jsonBody } from './jsonBody.js';
import { paginate, parseLimit } from './paginate.js';

/** Seams of {@link createPlanningRoutes} that tests replace. */
export interface PlanningRoutesOptions {
  /** The current time, for `/coordination` without `now`; the system clock by default. */
  clock?: () => Date;
  /** Base IRI of each dry-run plan's parts (`<base>#plan`, …); a new `urn:uuid:` by default. */
  newPlanBase?: () => string;
}

/** Max size of the dry run's JSON body, far above any valid request. */
const MAX_BODY = '16kb';

/**
 * Builds the planning and coordination routes of the API over the latest snapshot, which
 * `currentSnapshot` returns or raises a 503 for:
 * - `POST /plans/dry-run` with `{recipe, quantity, due, name?}`: a recipe exploded into a plan, nothing written;
 * - `GET /coordination?scope=&plan=&agent=&now=&limit=&cursor=`: commitment, intent and claim status;
 * - `GET /offers-and-needs?scope=&limit=&cursor=`: needs matched to offers from the whole network;
 * - `GET /agreements?scope=&limit=&cursor=`: agreements with the balance of both sides.
 * A scope includes every scope below it (see {@link NetworkCoordination}). A dry-run body that is
 * not `application/json` is a 415 problem, one over 16 KB a 413, and a malformed one a 400.
 */
export function createPlanningRoutes(
  currentSnapshot: () => NetworkSnapshot, options: PlanningRoutesOptions = {},
): Router {
  const clock = options.clock ?? ((): Date => new Date());
  const newPlanBase = options.newPlanBase ?? ((): string => `urn:uuid:${randomUUID()}`);
  const coordinations = new WeakMap<NetworkSnapshot, NetworkCoordination>();
  const coordinationOf = (snapshot: NetworkSnapshot): NetworkCoordination => {
    let coordination = coordinations.get(snapshot);
    if (coordination === undefined) {
      coordination = new NetworkCoordination(snapshot.views.model, snapshot.views.scopes);
      coordinations.set(snapshot, coordination);
    }
    return coordination;
  };
  const router = Router();

  router.post('/plans/dry-run', jsonBody(MAX_BODY), (request, response) => {
    const snapshot = currentSnapshot();
    const demand = readDryRunRequest(request.body);
    try {
      const iris = fragmentPlanIris(newPlanBase());
      const plan = explodeRecipe(snapshot.views.model, demand, { iris, name: demand.name });
      response.json(planToJson(plan));
    } catch (error: unknown) {
      if (error instanceof PlanningError) {
        throw new ApiError(422, 'planning-failed', 'Unprocessable Content', error.message, 'recipe');
      }
      throw error;
    }
  });
  router.all('/plans/dry-run', (request, response) => {
    response.set('Allow', 'POST');
    throw new ApiError(405, 'method-not-allowed', 'Method Not Allowed',
      `The method [${request.method}] is not allowed on [${request.baseUrl}${request.path}]. Use POST.`);
  });

  router.get('/coordination', (request, response) => {
    const snapshot = currentSnapshot();
    const coordination = coordinationOf(snapshot);
    const scope = scopeParameter(request, snapshot);
    const plan = textParameter(request, 'plan');
    if (plan !== undefined && !coordination.hasPlan(plan)) {
      throw new NotFoundError(`No plan [${plan}] is in the crawled data`, 'plan');
    }
    const agent = textParameter(request, 'agent');
    const now = nowParameter(request, clock);
    const status = coordination.status({ now, scope, plan, agent });
    const page = pageOf(request, status.flows, (flow) => flow.id);
    response.json({
      now, scope: scope ?? null, plan: plan ?? null, agent: agent ?? null,
      total: page.total, flows: page.items.map(flowProgressToJson), next: page.next,
      byPlan: status.byPlan.map(statusSummaryToJson), byAgent: status.byAgent.map(statusSummaryToJson),
      byScope: status.byScope.map(statusSummaryToJson), problems: status.problems,
    });
  });

  router.get('/offers-and-needs', (request, response) => {
    const snapshot = currentSnapshot();
    const scope = scopeParameter(request, snapshot);
    const page = pageOf(request, coordinationOf(snapshot).offersAndNeeds(scope), (match) => match.need);
    response.json({
      scope: scope ?? null, total: page.total, needs: page.items.map(needMatchesToJson), next: page.next,
    });
  });

  router.get('/agreements', (request, response) => {
    const snapshot = currentSnapshot();
    const scope = scopeParameter(request, snapshot);
    const page = pageOf(request, coordinationOf(snapshot).agreements(scope), (balance) => balance.agreement);
    response.json({
      scope: scope ?? null, total: page.total, agreements: page.items.map(agreementBalanceToJson), next: page.next,
    });
  });
  return router;
}

/** Reads a query parameter given at most once as text, and raises a 400 for a repeated or empty one. */
function textParameter(request: Request, name: string): string | undefined {
  const value: unknown = request.query[name];
  if (value === undefined || (typeof value === 'string' && value !== '')) {
    return value;
  }
  throw new InvalidParameterError(name, `Expected one non-empty [${name}] parameter, got ${shown(value)}`);
}

/** Reads `scope` and raises a 404 when no network, organization, project or person has that IRI. */
function scopeParameter(request: Request, snapshot: NetworkSnapshot): string | undefined {
  const scope = textParameter(request, 'scope');
  if (scope !== undefined && snapshot.views.scopes.get(scope) === undefined) {
    throw new UnknownScopeError(scope, undefined, undefined, 'scope');
  }
  return scope;
}

/** Reads `now` as an `xsd:dateTime`, or takes the clock's time; returns it in UTC. */
function nowParameter(request: Request, clock: () => Date): string {
  const text = textParameter(request, 'now');
  try {
    return Instant.parse(text ?? clock().toISOString(), 'now').toString();
  } catch (error: unknown) {
    if (error instanceof PlanningError) {
      throw new InvalidParameterError('now', `Expected [now] as an xsd:dateTime such as 2026-12-24T17:00:00Z, got [${text}]`);
    }
    throw error;
  }
}

/** Returns one page of a list and the absolute link of the next page, or null on the last. */
function pageOf<T>(request: Request, items: readonly T[], idOf: (item: T) => string):
  { total: number; items: T[]; next: string | null } {
  const page = paginate(items, idOf, parseLimit(textParameter(request, 'limit')), textParameter(request, 'cursor'));
  if (page.nextCursor === null) {
    return { total: page.total, items: page.items, next: null };
  }
  const query = Object.fromEntries(Object.entries(request.query).filter(([name]) => name !== 'cursor')) as
    Record<string, string>;
  const links = new ApiLinks(`${request.protocol}://${request.get('host') ?? 'localhost'}`);
  return { total: page.total, items: page.items, next: links.page(`${request.baseUrl}${request.path}`, query, page.nextCursor) };
}

/** The fields of a dry-run request body. */
const DRY_RUN_FIELDS = ['recipe', 'quantity', 'due', 'name'];

/** Reads and checks the dry-run body: every field error is a 400 that names the field. */
function readDryRunRequest(body: unknown): PlanDemand & { name?: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidParameterError('body', `Expected a JSON object {recipe, quantity, due, name?}, got ${shown(body)}`);
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((field) => !DRY_RUN_FIELDS.includes(field));
  if (unknown !== undefined) {
    throw new InvalidParameterError(unknown, `Expected only the fields ${DRY_RUN_FIELDS.join(', ')}, got [${
      echoValue(unknown)}]`);
  }
  const recipe = fields.recipe;
  if (typeof recipe !== 'string' || recipe === '') {
    throw new InvalidParameterError('recipe', 'Expected [recipe] as the IRI of a vf:Recipe, vf:RecipeProcess or ' +
      `resource specification, got ${shown(recipe)}`);
  }
  const name = fields.name;
  if (name !== undefined && typeof name !== 'string') {
    throw new InvalidParameterError('name', `Expected [name] as text, got ${shown(name)}`);
  }
  return { target: recipe, quantity: readQuantity(fields.quantity), due: readDue(fields.due), name };
}

function readQuantity(value: unknown): PlanDemand['quantity'] {
  if (typeof value !== 'string') {
    const got = typeof value === 'number' ? `the JSON number [${value}], which is binary floating point` :
      shown(value);
    throw new InvalidParameterError('quantity', `Expected [quantity] as a decimal string such as "6" or "2.5", got ${got}`);
  }
  let quantity;
  try {
    quantity = parseDecimal(value);
  } catch (error: unknown) {
    throw new InvalidParameterError('quantity', `Invalid [quantity]: ${(error as Error).message}`);
  }
  if (quantity.lte(0)) {
    throw new InvalidParameterError('quantity', `Expected [quantity] above zero, got [${echoValue(value)}]`);
  }
  return quantity;
}

function readDue(value: unknown): string {
  const example = 'an xsd:dateTime such as 2026-12-24T08:00:00Z';
  if (typeof value !== 'string') {
    throw new InvalidParameterError('due', `Expected [due] as ${example}, got ${shown(value)}`);
  }
  try {
    return Instant.parse(value, 'due').toString();
  } catch {
    throw new InvalidParameterError('due', `Expected [due] as ${example}, got [${echoValue(value)}]`);
  }
}

/** Formats a request value for a problem detail: its JSON in square brackets, cut when long. */
function shown(value: unknown): string {
  return `[${echoValue(JSON.stringify(value) ?? 'nothing')}]`;
}
