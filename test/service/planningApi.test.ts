import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { NetworkSnapshot } from '../../src/aggregator/index.js';
import { createServiceApp, OPENAPI_DOCUMENT, problemOf, sendProblem } from '../../src/service/index.js';
import { createPlanningRoutes } from '../../src/service/api/planningRoutes.js';
import { N, readNetworkFixture } from '../planning/networkFixture.js';
import { assertMatchesOpenApi } from './support/openApiChecker.js';

type Json = Record<string, unknown>;

const NOW = '2026-12-10T00:00:00Z';
const KG = `${N.om2}kilogram`;
const ONE = `${N.om2}one`;
const HOUR = `${N.om2}hour`;

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (instance: Ajv2020) => void)(ajv);

/** Asserts that a POST response matches the OpenAPI description of its path and status; returns its body. */
async function assertPostMatchesOpenApi(path: string, response: Response | globalThis.Response): Promise<Json> {
  const fetched = response as globalThis.Response;
  const paths = OPENAPI_DOCUMENT.paths as unknown as Record<string, { post?: { responses: Record<string, Json> } }>;
  const described = paths[path]?.post?.responses[String(fetched.status)] as
    { content?: Record<string, { schema: object }> } | undefined;
  assert.ok(described !== undefined, `The OpenAPI document describes no ${fetched.status} answer of POST ${path}`);
  const type = (fetched.headers.get('content-type') ?? '').split(';')[0] ?? '';
  const media = described.content?.[type];
  assert.ok(media !== undefined, `The OpenAPI document describes no [${type}] answer of POST ${path} ${fetched.status}`);
  const body = await fetched.json() as Json;
  const validate = ajv.compile({ components: OPENAPI_DOCUMENT.components, ...media.schema });
  assert.ok(validate(body), `POST ${path} ${fetched.status} does not match its schema: ${ajv.errorsText(validate.errors)}`);
  return body;
}

async function snapshotOfFixture(): Promise<NetworkSnapshot> {
  const { views } = await readNetworkFixture();
  return {
    crawledAt: '2026-12-10T00:00:00.000Z', network: N.valley, roots: [N.valley], members: [N.ana, N.hills, N.kitchen],
    inventory: { resources: [], problems: [] }, contributions: { agents: [], problems: [] }, pods: [],
    report: {
      crawledAt: '2026-12-10T00:00:00.000Z', durationMs: 1, roots: [N.valley], pods: [], cycles: [], duplicates: [],
      problems: [],
      totals: {
        pods: 0, stalePods: 0, seen: 0, loaded: 0, downloaded: 0, unchanged: 0, rejected: 0, failed: 0, coverage: 1,
      },
    },
    problems: [],
    views,
    derivedGraphs: [],
  };
}

async function listen(app: Express): Promise<{ server: Server; base: string }> {
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  await new Promise((resolve) => server.close(resolve));
}

describe('The planning API', () => {
  let snapshot: NetworkSnapshot;
  let server: Server;
  let base: string;

  const get = async (path: string, query: Record<string, string> = {}): Promise<{ status: number; body: Json }> => {
    const search = new URLSearchParams(query).toString();
    const response = await fetch(`${base}${path}${search === '' ? '' : `?${search}`}`);
    return { status: response.status, body: await assertMatchesOpenApi(path, response) as Json };
  };

  const post = async (body: unknown, type = 'application/json'): Promise<{ response: globalThis.Response; body: Json }> => {
    const response = await fetch(`${base}/api/plans/dry-run`, {
      method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { response, body: await assertPostMatchesOpenApi('/api/plans/dry-run', response) };
  };

  before(async () => {
    snapshot = await snapshotOfFixture();
    ({ server, base } = await listen(createServiceApp(() => snapshot)));
  });

  after(async () => {
    await close(server);
  });

  describe('GET /api/coordination', () => {
    it('reports a network with its sub-network.', async () => {
      const { body } = await get('/api/coordination', { scope: N.valley, now: '2026-12-10' });
      assert.equal(body.now, NOW);
      assert.deepEqual([body.scope, body.plan, body.agent, body.total, body.next], [N.valley, null, null, 11, null]);
      const flows = body.flows as Json[];
      assert.equal(flows.length, 11);
      assert.deepEqual(flows[4], {
        id: `${N.cider}pickApples`, kind: 'commitment', action: 'consume', resourceConformsTo: `${N.specs}apple`,
        resourceInventoriedAs: null, provider: null, receiver: null, due: '2026-12-05T00:00:00Z',
        quantity: { value: '300', unit: KG }, met: '120.5', remaining: '179.5', status: 'late',
        metBy: [`${N.cider}picked`], plans: [`${N.cider}ciderPlan`], scopes: [],
      });
      assert.deepEqual(body.problems, []);
    });

    it('rolls the project plan up into every scope above it.', async () => {
      const { body } = await get('/api/coordination', { scope: N.valley, now: NOW });
      const byScope = body.byScope as Json[];
      assert.deepEqual(byScope.map((summary) => [summary.id, summary.counts]), [
        [N.ana, { done: 0, late: 0, partial: 2, needed: 1 }],
        [N.orchard, { done: 1, late: 1, partial: 0, needed: 1 }],
        [N.farm, { done: 1, late: 2, partial: 1, needed: 2 }],
        [N.hills, { done: 1, late: 2, partial: 1, needed: 2 }],
        [N.kitchen, { done: 0, late: 2, partial: 3, needed: 1 }],
        [N.valley, { done: 1, late: 3, partial: 3, needed: 4 }],
      ]);
      assert.deepEqual(byScope[1]?.remaining, [
        { resourceConformsTo: `${N.specs}apple`, resourceInventoriedAs: null, unit: KG, remaining: '179.5' },
        { resourceConformsTo: `${N.specs}cider`, resourceInventoriedAs: null, unit: `${N.om2}litre`, remaining: '200' },
      ]);
    });

    it('summarizes the flows of one plan and one agent.', async () => {
      const { body } = await get('/api/coordination', { plan: `${N.jam}jamPlan`, agent: N.ana, now: NOW });
      assert.deepEqual((body.flows as Json[]).map((flow) => [flow.id, flow.status]), [[`${N.jam}stir`, 'partial']]);
      assert.deepEqual(body.byPlan, [{
        id: `${N.jam}jamPlan`, counts: { done: 0, late: 0, partial: 1, needed: 0 },
        remaining: [{ resourceConformsTo: `${N.specs}cooking`, resourceInventoriedAs: null, unit: HOUR, remaining: '4.75' }],
      }]);
      assert.deepEqual((body.byAgent as Json[]).map((summary) => summary.id), [N.ana, N.kitchen]);
    });

    it('pages through the flows and keeps the summaries whole.', async () => {
      const first = await get('/api/coordination', { now: NOW, limit: '5' });
      assert.equal(first.body.total, 14);
      const seen = (first.body.flows as Json[]).map((flow) => flow.id);
      let next = first.body.next as string | null;
      while (next !== null) {
        const page = await fetch(next);
        const body = await assertMatchesOpenApi('/api/coordination', page) as Json;
        assert.equal((body.byScope as Json[]).length, 8);
        seen.push(...(body.flows as Json[]).map((flow) => flow.id));
        next = body.next as string | null;
      }
      assert.deepEqual(seen, [
        `${N.needs}anaApples`, `${N.apples}deliverApples`, `${N.apples}payApples`, `${N.cider}appleOffer`,
        `${N.cider}pickApples`, `${N.cider}pressCider`, `${N.cider}washBottles`, `${N.jam}cookJam`, `${N.jam}jarNeed`,
        `${N.jam}stir`, `${N.jam}wage`, `${N.deal}outsideWork`, `${N.deal}outsiderJars`, `${N.deal}outsiderNeed`,
      ]);
    });

    it('reports problems of unscoped flows.', async () => {
      const { body } = await get('/api/coordination', { now: NOW, agent: N.outsider });
      assert.deepEqual((body.problems as Json[]).map((found) => found.subject), [`${N.deal}outsideWorked`]);
    });

    it('rejects a malformed time, an unknown scope and an unknown plan.', async () => {
      const cases: [Record<string, string>, number, string, string][] = [
        [{ now: 'next week' }, 400, 'now', 'Expected [now] as an xsd:dateTime such as 2026-12-24T17:00:00Z, got [next week]'],
        [{ scope: 'https://nowhere.example/#me' }, 404, 'scope',
          'No network, organization, project or person [https://nowhere.example/#me] is named in the crawled data'],
        [{ plan: `${N.jam}noPlan` }, 404, 'plan', `No plan [${N.jam}noPlan] is in the crawled data`],
        [{ limit: '0' }, 400, 'limit', 'Expected [limit] to be a whole number from 1 to 1000, got [0]'],
        [{ agent: '' }, 400, 'agent', 'Expected one non-empty [agent] parameter, got [""]'],
      ];
      for (const [query, status, parameter, detail] of cases) {
        const { status: actual, body } = await get('/api/coordination', query);
        assert.equal(actual, status, JSON.stringify(query));
        assert.equal(body.parameter, parameter);
        assert.equal(body.detail, detail);
      }
    });

    it('answers 410 when the cursor item is gone.', async () => {
      const cursor = Buffer.from(JSON.stringify({ after: 'https://gone.example/#c' })).toString('base64url');
      const { status, body } = await get('/api/coordination', { now: NOW, cursor });
      assert.equal(status, 410);
      assert.equal(body.parameter, 'cursor');
    });
  });

  describe('GET /api/offers-and-needs', () => {
    it('matches the needs of a scope to offers from outside it.', async () => {
      const { body } = await get('/api/offers-and-needs', { scope: N.valley });
      assert.deepEqual(body, {
        scope: N.valley, total: 2, next: null,
        needs: [
          {
            need: `${N.needs}anaApples`, action: 'transfer', resourceConformsTo: `${N.specs}apple`,
            quantity: { value: '10', unit: KG },
            offers: [{
              offer: `${N.cider}appleOffer`, proposals: [], reciprocal: [], matchedBy: 'specification',
              quantity: { value: '10', unit: KG }, coverage: 'full',
            }],
          },
          {
            need: `${N.jam}jarNeed`, action: 'transfer', resourceConformsTo: `${N.specs}jar`,
            quantity: { value: '60', unit: ONE },
            offers: [{
              offer: `${N.deal}outsiderJars`, proposals: [], reciprocal: [], matchedBy: 'specification',
              quantity: { value: '45', unit: ONE }, coverage: 'partial',
            }],
          },
        ],
      });
    });

    it('lists the needs of the whole network without a scope.', async () => {
      const { body } = await get('/api/offers-and-needs', { limit: '2' });
      assert.equal(body.total, 3);
      assert.equal((body.needs as Json[]).length, 2);
      assert.equal(typeof body.next, 'string');
    });
  });

  describe('GET /api/agreements', () => {
    it('balances both sides of the agreements in a sub-network.', async () => {
      const { body } = await get('/api/agreements', { scope: N.hills });
      assert.deepEqual(body, {
        scope: N.hills, total: 1, next: null,
        agreements: [{
          agreement: `${N.apples}appleDeal`, name: 'Apples for jam',
          primary: {
            commitments: [`${N.apples}deliverApples`], events: [`${N.apples}delivered`],
            totals: [{ resourceConformsTo: `${N.specs}apple`, unit: KG, committed: '40', realized: '25', outstanding: '15' }],
          },
          reciprocal: {
            commitments: [`${N.apples}payApples`], events: [`${N.apples}paid1`, `${N.apples}paid2`],
            totals: [{ resourceConformsTo: `${N.specs}credit`, unit: ONE, committed: '80', realized: '85.5', outstanding: '-5.5' }],
          },
        }],
      });
    });

    it('keeps a unit the commitment does not use apart.', async () => {
      const { body } = await get('/api/agreements');
      const outside = (body.agreements as Json[])[1] as { primary: { totals: Json[] } };
      assert.deepEqual(outside.primary.totals, [
        { resourceConformsTo: `${N.specs}repair`, unit: HOUR, committed: '5', realized: '0', outstanding: '5' },
        { resourceConformsTo: `${N.specs}repair`, unit: `${N.om2}minute-Time`, committed: '0', realized: '30', outstanding: '-30' },
      ]);
    });
  });

  describe('POST /api/plans/dry-run', () => {
    it('explodes a recipe against the network inventory without writing.', async () => {
      const { response, body } = await post({
        recipe: `${N.recipes}jamRecipe`, quantity: '7.5', due: '2026-12-24T08:00:00Z', name: 'Christmas jam',
      });
      assert.equal(response.status, 200);
      const plan = body.plan as Json;
      const planBase = (plan.id as string).replace(/#plan$/u, '');
      assert.match(planBase, /^urn:uuid:[0-9a-f-]{36}$/u);
      assert.deepEqual(plan, { id: `${planBase}#plan`, name: 'Christmas jam', due: '2026-12-24T08:00:00Z' });
      assert.deepEqual(body.processes, [{
        id: `${planBase}#process-1`, name: 'Cook jam', basedOn: null, recipeProcess: `${N.recipes}cook`,
        hasBeginning: '2026-12-24T06:00:00Z', hasEnd: '2026-12-24T08:00:00Z',
      }]);
      const commitments = (body.commitments as Json[]).map((commitment) =>
        [commitment.action, commitment.resourceQuantity ?? commitment.effortQuantity, commitment.due]);
      assert.deepEqual(commitments, [
        ['produce', { value: '7.5', unit: KG }, '2026-12-24T08:00:00Z'],
        ['consume', { value: '6', unit: KG }, '2026-12-24T06:00:00Z'],
        ['work', { value: '2.25', unit: HOUR }, '2026-12-24T06:00:00Z'],
      ]);
      const demands = (body.demands as Json[]).map((demand) =>
        [demand.resourceConformsTo, demand.fromInventory, demand.stillNeeded]);
      assert.deepEqual(demands, [[`${N.specs}jam`, '0', '0'], [`${N.specs}apple`, '3', '3']]);
      assert.equal(snapshot.views.model.plans?.has(plan.id), false);
    });

    it('rejects each malformed field by name.', async () => {
      const valid = { recipe: `${N.recipes}jamRecipe`, quantity: '1', due: '2026-12-24T08:00:00Z' };
      const cases: [unknown, string, string][] = [
        [{ ...valid, recipe: undefined }, 'recipe',
          'Expected [recipe] as the IRI of a vf:Recipe, vf:RecipeProcess or resource specification, got [nothing]'],
        [{ ...valid, quantity: 2.5 }, 'quantity',
          'Expected [quantity] as a decimal string such as "6" or "2.5", got the JSON number [2.5], which is binary floating point'],
        [{ ...valid, quantity: '-1' }, 'quantity', 'Expected [quantity] above zero, got [-1]'],
        [{ ...valid, quantity: 'six' }, 'quantity', 'Invalid [quantity]: Expected a decimal number, got [six]'],
        [{ ...valid, due: 'tomorrow' }, 'due', 'Expected [due] as an xsd:dateTime such as 2026-12-24T08:00:00Z, got [tomorrow]'],
        [{ ...valid, name: 7 }, 'name', 'Expected [name] as text, got [7]'],
        [{ ...valid, due: 5 }, 'due', 'Expected [due] as an xsd:dateTime such as 2026-12-24T08:00:00Z, got [5]'],
        [{ ...valid, quantity: null }, 'quantity', 'Expected [quantity] as a decimal string such as "6" or "2.5", got [null]'],
        [{ ...valid, count: 3 }, 'count', 'Expected only the fields recipe, quantity, due, name, got [count]'],
        [[1], 'body', 'Expected a JSON object {recipe, quantity, due, name?}, got [[1]]'],
        [[valid], 'body', `Expected a JSON object {recipe, quantity, due, name?}, got [${
          JSON.stringify([valid]).slice(0, 64)}…]`],
        ['null', 'body', 'Expected a JSON object {recipe, quantity, due, name?}, got [null]'],
        ['"str"', 'body', 'Expected a JSON object {recipe, quantity, due, name?}, got ["str"]'],
      ];
      for (const [request, parameter, detail] of cases) {
        const { response, body } = await post(request);
        assert.equal(response.status, 400, JSON.stringify(request));
        assert.equal(body.parameter, parameter);
        assert.equal(body.detail, detail);
      }
    });

    it('rejects a body that is not JSON.', async () => {
      const broken = await post('{"recipe": ');
      assert.equal(broken.response.status, 400);
      assert.equal(broken.body.parameter, 'body');
      assert.match(broken.body.detail as string, /^Expected a JSON object, but the body is not valid JSON: \[.+\]$/u);
      const text = await post('recipe=x', 'text/plain');
      assert.equal(text.response.status, 415);
      assert.equal(text.body.detail, 'Expected a JSON body with the content type application/json, got [text/plain]');
    });

    it('answers 413 for a body over 16 KB.', async () => {
      const { response, body } = await post({ recipe: 'x'.repeat(20_000), quantity: '1', due: '2026-12-24T08:00:00Z' });
      assert.equal(response.status, 413);
      assert.equal(body.parameter, 'body');
      assert.equal(body.detail, 'Expected a JSON body of at most [16kb]; send only the fields of the request');
    });

    it('answers 422 when no recipe makes the target.', async () => {
      const { response, body } = await post({ recipe: `${N.specs}cider`, quantity: '1', due: '2026-12-24T08:00:00Z' });
      assert.equal(response.status, 422);
      assert.equal(body.type, 'https://w3id.org/oce/problems#planning-failed');
      assert.equal(body.parameter, 'recipe');
    });

    it('allows only POST.', async () => {
      const response = await fetch(`${base}/api/plans/dry-run`);
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'POST');
      assert.equal((await assertPostMatchesOpenApi('/api/plans/dry-run', response)).status, 405);
    });
  });

  describe('with injected seams', () => {
    let seamServer: Server;
    let seamBase: string;

    before(async () => {
      const app = express();
      app.use('/api', createPlanningRoutes(() => snapshot, {
        clock: () => new Date('2026-12-16T00:00:00Z'), newPlanBase: () => 'urn:test:jam',
      }));
      app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
        sendProblem(response, problemOf(error));
      });
      ({ server: seamServer, base: seamBase } = await listen(app));
    });

    after(async () => {
      await close(seamServer);
    });

    it('takes the clock time when the request names none.', async () => {
      const response = await fetch(`${seamBase}/api/coordination?agent=${encodeURIComponent(N.farm)}`);
      const body = await assertMatchesOpenApi('/api/coordination', response) as Json;
      assert.equal(body.now, '2026-12-16T00:00:00Z');
      assert.deepEqual((body.flows as Json[]).map((flow) => flow.status), ['late', 'late', 'needed', 'done']);
    });

    it('names the dry-run plan from the injected base.', async () => {
      const response = await fetch(`${seamBase}/api/plans/dry-run`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ recipe: `${N.recipes}jamRecipe`, quantity: '5', due: '2026-12-24T08:00:00Z' }),
      });
      const body = await assertPostMatchesOpenApi('/api/plans/dry-run', response);
      assert.deepEqual(body.plan, { id: 'urn:test:jam#plan', name: '5 kilogram of Jam', due: '2026-12-24T08:00:00Z' });
    });
  });

  it('answers 503 before the first crawl.', async () => {
    const { server: empty, base: emptyBase } = await listen(createServiceApp(() => undefined));
    try {
      const coordination = await fetch(`${emptyBase}/api/coordination`);
      assert.equal((await assertMatchesOpenApi('/api/coordination', coordination) as Json).status, 503);
      const dryRun = await fetch(`${emptyBase}/api/plans/dry-run`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
      });
      assert.equal((await assertPostMatchesOpenApi('/api/plans/dry-run', dryRun)).status, 503);
    } finally {
      await close(empty);
    }
  });
});
