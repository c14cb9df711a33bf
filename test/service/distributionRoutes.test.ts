import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request } from 'express';
import {
  CommittedDistribution, DistributionRunWriter, PayoutNotifier, RunContainerSetup,
} from '../../src/distribution/run/index.js';
import type { DistributionData } from '../../src/distribution/run/index.js';
import { PodInitializer } from '../../src/pod/index.js';
import { ApiError, createServiceApp } from '../../src/service/index.js';
import type { DistributionRouteOptions } from '../../src/service/api/distributionRoutes.js';
import { SolidDocumentClient } from '../../src/solid/index.js';
import { RUN_IRI, scenarioData } from '../distribution/run/runScenario.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';
import { assertMatchesOpenApi } from './support/openApiChecker.js';

type Json = Record<string, unknown>;

/** Lets a caller commit when it sends `x-steward: yes`, as an authorization hook would for a steward. */
function stewardsOnly(request: Request): Promise<void> {
  if (request.get('x-steward') !== 'yes') {
    return Promise.reject(new ApiError(403, 'forbidden', 'Forbidden', 'Only a steward of the network may commit a run'));
  }
  return Promise.resolve();
}

async function listen(options: DistributionRouteOptions): Promise<{ server: Server; base: string }> {
  const app = createServiceApp(() => undefined, { distributions: options });
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}):
  Promise<{ response: Response; body: Json }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { response, body: await assertMatchesOpenApi(path, response, 'post') as Json };
}

const REQUEST = { equation: RUN_IRI.equation, amount: '100.00', currency: RUN_IRI.euro };

describe('The distribution routes', function distributionRoutes() {
  this.timeout(60_000);
  let network: TestMember;
  let ada: TestMember;
  let aggregator: TestMember;
  let data: DistributionData;
  let service: { server: Server; base: string };
  let closed: { server: Server; base: string };
  let runIds: string[];

  before(async () => {
    const solid = await sharedSolidServer();
    [network, ada, aggregator] = [
      await createTestMember(solid, 'routenet'), await createTestMember(solid, 'routeada'),
      await createTestMember(solid, 'routeagg'),
    ];
    const owner = { fetch: network.session.fetch, webId: network.account.webId, storage: network.account.podUrl };
    await new PodInitializer(owner).initialize();
    await new RunContainerSetup(owner).allowRunWriter(aggregator.account.webId);
    data = scenarioData({ network: network.account.webId, ada: ada.account.webId, bruno: 'https://bruno.example/#me' });
    runIds = ['route-run-1'];
    const writer = new DistributionRunWriter({
      fetch: aggregator.session.fetch, storage: network.account.podUrl,
      now: () => new Date('2026-12-04T12:00:00Z'), newRunId: () => runIds.shift() ?? 'route-run-x',
    });
    const committer = new CommittedDistribution(writer, new PayoutNotifier(aggregator.session.fetch));
    service = await listen({ data: () => data, committer: () => committer, authorize: stewardsOnly });
    closed = await listen({ data: () => data, committer: () => committer });
  });

  after(async () => {
    for (const running of [service, closed]) {
      await new Promise((resolve) => running?.server.close(resolve));
    }
    for (const member of [network, ada, aggregator]) {
      await member?.session.logout();
    }
  });

  it('explains a dry run to anyone.', async () => {
    const { response, body } = await post(service.base, '/api/distributions/dry-run', REQUEST);
    assert.equal(response.status, 200);
    assert.equal(body.dryRun, true);
    assert.deepEqual(body.payouts, [
      { agent: 'https://bruno.example/#me', amount: '30.00' },
      { agent: ada.account.webId, amount: '45.00' },
      { agent: network.account.webId, amount: '10.00' },
    ].sort((a, b) => (a.agent < b.agent ? -1 : 1)));
    assert.equal(body.undistributed, '15.00');
  });

  const amountDetail = (scale: number, got: string): string => `Expected [amount] to be a decimal string of 0 or ` +
    `more with at most ${scale} decimal places, such as "1000.00", got [${got}]`;

  for (const [field, body, detail] of [
    ['amount', { ...REQUEST, amount: 100 }, amountDetail(2, '100')],
    ['amount', { ...REQUEST, amount: '-1' }, amountDetail(2, '"-1"')],
    ['amount', { ...REQUEST, amount: '0.001' }, amountDetail(2, '"0.001"')],
    ['amount', { ...REQUEST, amount: '0.01', scale: 0 }, amountDetail(0, '"0.01"')],
    ['equation', { amount: '1' }, 'Expected [equation] to be the IRI of a value equation, got [nothing]'],
    ['currency', { ...REQUEST, currency: 'euro' }, 'Expected [currency] to be the IRI of a resource specification, got ["euro"]'],
    ['scale', { ...REQUEST, scale: 19 }, 'Expected [scale] to be a whole number of digits from 0 to 18, got [19]'],
    ['body', [1], 'Expected a JSON object {equation, amount, currency?, scale?}, got [[1]]'],
    ['body', null, 'Expected a JSON object {equation, amount, currency?, scale?}, got [null]'],
    ['body', JSON.stringify('str'), 'Expected a JSON object {equation, amount, currency?, scale?}, got ["str"]'],
  ] as const) {
    it(`rejects a dry run with a bad ${field} in ${JSON.stringify(body)}.`, async () => {
      const answer = await post(service.base, '/api/distributions/dry-run', body);
      assert.equal(answer.response.status, 400);
      assert.equal(answer.body.parameter, field);
      assert.equal(answer.body.detail, detail);
    });
  }

  it('rejects a body that is not JSON.', async () => {
    const answer = await post(service.base, '/api/distributions/dry-run', '{"equation":');
    assert.equal(answer.response.status, 400);
    assert.equal(answer.body.parameter, 'body');
    assert.match(answer.body.detail as string, /^Expected a JSON object, but the body is not valid JSON: \[.+\]$/u);
  });

  it('answers 415 for JSON sent as text/plain.', async () => {
    const answer = await post(service.base, '/api/distributions/dry-run', JSON.stringify(REQUEST),
      { 'content-type': 'text/plain' });
    assert.equal(answer.response.status, 415);
    assert.equal(answer.body.parameter, 'body');
    assert.equal(answer.body.detail, 'Expected a JSON body with the content type application/json, got [text/plain]');
  });

  it('answers 413 for a body over 16 KB.', async () => {
    const answer = await post(service.base, '/api/distributions/dry-run', { ...REQUEST, padding: 'x'.repeat(20_000) });
    assert.equal(answer.response.status, 413);
    assert.equal(answer.body.parameter, 'body');
    assert.equal(answer.body.detail, 'Expected a JSON body of at most [16kb]; send only the fields of the request');
  });

  it('answers 422 for an equation the data does not state.', async () => {
    const answer = await post(service.base, '/api/distributions/dry-run', { ...REQUEST, equation: 'https://example.org/none' });
    assert.equal(answer.response.status, 422);
    assert.equal(answer.body.detail,
      `Value equation [https://example.org/none] was not found; equations in the data: [${RUN_IRI.equation}]`);
  });

  it('rejects every committed run without an authorization hook.', async () => {
    const answer = await post(closed.base, '/api/distributions', REQUEST, { 'x-steward': 'yes' });
    assert.equal(answer.response.status, 403);
    assert.equal(answer.body.detail,
      'Committed distribution runs are disabled on this service, because it has no authorization configured');
  });

  it('rejects a committed run the hook does not authorize.', async () => {
    const answer = await post(service.base, '/api/distributions', REQUEST);
    assert.equal(answer.response.status, 403);
    assert.equal(answer.body.detail, 'Only a steward of the network may commit a run');
  });

  it('answers 503 without a data source.', async () => {
    const bare = await listen({});
    try {
      const response = await fetch(`${bare.base}/api/distributions`);
      const body = await assertMatchesOpenApi('/api/distributions', response) as Json;
      assert.equal(response.status, 503);
      assert.equal(body.detail,
        'Distributions are not configured on this service: it was given no crawl data to run them on');
    } finally {
      await new Promise((resolve) => bare.server.close(resolve));
    }
  });

  it('commits an authorized run and lists it once crawled.', async () => {
    const answer = await post(service.base, '/api/distributions', REQUEST, { 'x-steward': 'yes' });
    assert.equal(answer.response.status, 201);
    const document = `${network.account.podUrl}rea/distributions/route-run-1.ttl`;
    assert.equal(answer.response.headers.get('location'), document);
    assert.equal(answer.body.run, `${document}#run`);
    const payouts = answer.body.payouts as Json[];
    assert.deepEqual(payouts.find((payout) => payout.agent === ada.account.webId),
      { agent: ada.account.webId, amount: '45.00', claim: `${document}#claim-1`, event: `${document}#payout-1` });

    // A recrawl would add the run document to the data.
    const written = await new SolidDocumentClient(network.session.fetch).read(document);
    data = { ...data, quads: [...data.quads, ...written?.quads ?? []] };
    const response = await fetch(`${service.base}/api/distributions`);
    const listing = await assertMatchesOpenApi('/api/distributions', response) as { runs: Json[] };
    assert.deepEqual(listing.runs.map((run) => [run.id, run.amount, run.undistributed]), [[`${document}#run`, '100.00', '15.00']]);
  });

  it('counts the crawled run in a later dry run.', async () => {
    const { body } = await post(service.base, '/api/distributions/dry-run', REQUEST);
    const buckets = body.buckets as { lines: Json[] }[];
    assert.equal(buckets[2]?.lines[0]?.payout, '0.00');
    assert.equal(buckets[2]?.lines[0]?.limit, 'debt-like claim reached its cap [15] with [15] paid before');
    assert.equal(body.undistributed, '30.00');
  });
});
