import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { InventoryJson } from '../../src/report/index.js';
import { SparqlEndpointFetcher } from 'fetch-sparql-endpoint';
import { buildProgram } from '../../src/cli/main.js';
import { RunContainerSetup } from '../../src/distribution/run/index.js';
import { OCE_CRAWL } from '../../src/crawler/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { PREFIXES, preparePod, putTurtle, raiseEvent } from '../crawler/support/networkFixture.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';
import { turtle } from '../support/rdfAssertions.js';

/** A running `oce serve` in process: what it wrote, its base URL, and how to stop it. */
interface RunningServe {
  stdout: string[];
  base: string;
  stop: () => Promise<void>;
}

/** Resolves with the value of `probe` once it is defined, checking every 50 ms; rejects after `timeoutMs`. */
async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts `oce serve` with the arguments and waits until its first crawl has finished. */
async function startServe(args: string[]): Promise<RunningServe> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let requestStop = (): void => undefined;
  const stopRequested = new Promise<void>((resolve) => {
    requestStop = resolve;
  });
  const program = buildProgram({ stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) },
    () => stopRequested);
  const finished = program.parseAsync(['node', 'oce', 'serve', ...args]);
  const failed = finished.then(() => 'finished early', (error: unknown) => String(error));
  const started = eventually(() => (stdout.some((line) => line.startsWith('First crawl finished')) ? true : undefined),
    60_000, 'the first crawl');
  const outcome = await Promise.race([started, failed]);
  assert.equal(outcome, true, `serve ended: ${String(outcome)} ${stderr.join('\n')}`);
  const base = /at (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(stdout[0] ?? '')?.[1];
  assert.ok(base, stdout.join('\n'));
  return {
    stdout,
    base,
    stop: async () => {
      requestStop();
      await finished;
    },
  };
}

async function boltsQuantity(base: string): Promise<string | undefined> {
  const inventory = await (await fetch(`${base}inventory`)).json() as InventoryJson;
  return inventory.resources.find((resource) => resource.id.endsWith('#bolts'))?.accountingQuantity?.value;
}

describe('oce serve', function serveCommandTests() {
  this.timeout(120_000);
  let server: SolidServer;
  const named: Record<string, TestMember> = {};
  let folder: string;
  let configFile: string;
  const webId = (name: string): string => named[name]!.account.webId;
  let day: string;
  let bolts: string;

  /** Writes the day document of ada with raises of the given quantities. */
  async function writeDay(quantities: string[]): Promise<void> {
    const body = quantities.map((quantity, index) => raiseEvent(`${day}#e${index}`, webId('ada'), bolts, quantity));
    await putTurtle(named.ada!, 'rea/events/2026/12/01.ttl', PREFIXES + body.join(''));
  }

  before(async () => {
    server = await sharedSolidServer();
    for (const name of ['agg', 'net', 'ada']) {
      named[name] = await createTestMember(server, `serve${name}`);
    }
    for (const name of ['net', 'ada']) {
      await preparePod(named[name]!, webId('agg'));
    }
    await putTurtle(named.net!, 'rea/resources/network.ttl', `${PREFIXES} <${webId('net')}> org:hasMember <${webId('ada')}> .
      <#ada> a org:Membership ; org:organization <${webId('net')}> ; org:member <${webId('ada')}> ;
        org:role <https://w3id.org/oce/ns#Steward> .`);
    await putTurtle(named.net!, 'rea/resources/equation.ttl', `${PREFIXES}
      @prefix oce: <https://w3id.org/oce/ns#> .
      <#work> a oce:ValueEquation ; oce:equationOf <${webId('net')}> ; oce:bucket <#hours> .
      <#hours> a oce:Bucket ; oce:order 1 ; oce:percentOfTotal 100 ;
        oce:rule [ a oce:BucketRule ; oce:selectsAction vf:work ; oce:variable "hours" ; oce:formula "hours" ] .`);
    await putTurtle(named.ada!, 'rea/events/2026/12/02.ttl', `${PREFIXES}
      <#sorting> a vf:EconomicEvent ; vf:action vf:work ; vf:provider <${webId('ada')}> ; vf:receiver <${webId('net')}> ;
        vf:effortQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit om2:hour ] ;
        vf:hasPointInTime "2026-12-02T10:00:00Z"^^xsd:dateTime .`);
    await new RunContainerSetup({
      fetch: named.net!.session.fetch, webId: webId('net'), storage: named.net!.account.podUrl,
    }).allowRunWriter(webId('agg'));
    day = `${named.ada!.account.podUrl}rea/events/2026/12/01.ttl`;
    bolts = `${named.ada!.account.podUrl}rea/resources/r.ttl#bolts`;
    folder = await mkdtemp(path.join(os.tmpdir(), 'oce-serve-'));
    configFile = path.join(folder, 'aggregator.json');
    await writeFile(configFile, JSON.stringify({
      roots: [webId('net')],
      credentials: {
        issuer: server.baseUrl, clientId: named.agg!.account.clientId, clientSecret: named.agg!.account.clientSecret,
      },
      addressPolicy: { allowLoopback: true },
      cacheFolder: path.join(folder, 'cache'),
      service: { port: 0 },
      logLevel: 'silent',
    }));
  });

  after(async () => {
    for (const member of Object.values(named)) {
      await member.session.logout();
    }
    await rm(folder, { recursive: true, force: true });
  });

  it('updates the figures after a notification.', async () => {
    await writeDay(['5']);
    const serve = await startServe(['--config', configFile, '--poll-interval', '3600']);
    try {
      assert.equal(await boltsQuantity(serve.base), '5');
      const report = await (await fetch(`${serve.base}crawl`)).json() as { totals: { pods: number } };
      assert.equal(report.totals.pods, 2);
      await writeDay(['5', '2']);
      const updated = await eventually(async () => {
        const quantity = await boltsQuantity(serve.base);
        return quantity === '7' ? quantity : undefined;
      }, 10_000, 'the notification to update the inventory');
      assert.equal(updated, '7');
    } finally {
      await serve.stop();
    }
    assert.equal(serve.stdout.at(-1), 'Stopped.');
  });

  it('updates the figures by polling without notifications.', async () => {
    await writeDay(['5']);
    const serve = await startServe(['--config', configFile, '--no-notifications', '--poll-interval', '1']);
    try {
      assert.equal(await boltsQuantity(serve.base), '5');
      await writeDay(['5', '4']);
      const updated = await eventually(async () => {
        const quantity = await boltsQuantity(serve.base);
        return quantity === '9' ? quantity : undefined;
      }, 10_000, 'the poll to update the inventory');
      assert.equal(updated, '9');
    } finally {
      await serve.stop();
    }
  });

  it('leaves nothing of a changed document in the views or SPARQL.', async () => {
    await writeDay(['5', '2']);
    const serve = await startServe(['--config', configFile, '--no-notifications', '--poll-interval', '1']);
    try {
      assert.equal(await boltsQuantity(serve.base), '7');
      await writeDay(['3']);
      await eventually(async () => ((await boltsQuantity(serve.base)) === '3' ? true : undefined), 10_000,
        'the poll to pick up the changed day');
      const view = await (await fetch(`${serve.base}api/views/network`)).json() as
        { inventory: { id: string; accountingQuantity: { value: string }; provenance: { events: string } }[] };
      const held = view.inventory.find((resource) => resource.id === bolts);
      assert.equal(held?.accountingQuantity.value, '3');
      const events = await (await fetch(held?.provenance.events ?? '')).json() as { items: { id: string }[] };
      assert.deepEqual(events.items.map((event) => event.id), [`${day}#e0`]);
      assert.equal((await fetch(`${serve.base}api/events?id=${encodeURIComponent(`${day}#e1`)}`)).status, 404);
      const query = `PREFIX vf: <https://w3id.org/valueflows/ont/vf#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?graph ?event ?value WHERE {
          { GRAPH ?graph { ?event a vf:EconomicEvent ; vf:resourceQuantity/vf:hasNumericalValue ?value } }
          UNION
          { GRAPH ?graph { <${bolts}> prov:wasDerivedFrom ?event ; vf:accountingQuantity/vf:hasNumericalValue ?value } }
        } ORDER BY ?graph ?event`;
      const response = await fetch(`${serve.base}sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'text/csv' } });
      assert.equal(await response.text(),
        `graph,event,value\r\n${day},${day}#e0,3\r\nurn:oce:derived:inventory,${day}#e0,3\r\n`);
    } finally {
      await serve.stop();
    }
  });

  it('answers a SPARQL client library over the crawled pods.', async () => {
    await writeDay(['5', '2']);
    const serve = await startServe(['--config', configFile, '--no-notifications']);
    try {
      const fetcher = new SparqlEndpointFetcher({ method: 'POST' });
      const stream = await fetcher.fetchBindings(`${serve.base}sparql`, `PREFIX vf: <https://w3id.org/valueflows/ont/vf#>
        SELECT ?event ?value WHERE { GRAPH <${day}> { ?event vf:resourceQuantity/vf:hasNumericalValue ?value } }
        ORDER BY ?event`);
      const rows: string[][] = [];
      for await (const row of stream) {
        const bindings = row as unknown as Record<string, { value: string }>;
        rows.push([bindings.event?.value ?? '', bindings.value?.value ?? '']);
      }
      assert.deepEqual(rows, [[`${day}#e0`, '5'], [`${day}#e1`, '2']]);
      assert.equal(await fetcher.fetchAsk(`${serve.base}sparql`, `ASK { GRAPH <urn:oce:derived:crawl-report> { ?r ?p ?o } }`),
        true);
    } finally {
      await serve.stop();
    }
  });

  it('serves the views only to members when access is restricted.', async () => {
    await writeDay(['5']);
    const serve = await startServe(['--config', configFile, '--no-notifications', '--access', 'members',
      '--trusted-issuer', server.baseUrl]);
    try {
      const url = `${serve.base}api/views/network`;
      const anonymous = await fetch(url);
      assert.equal(anonymous.status, 401);
      assert.match(anonymous.headers.get('www-authenticate') ?? '', /^DPoP /u);
      assert.equal((await named.ada!.session.fetch(url)).status, 200);
      const outsider = await named.agg!.session.fetch(url);
      assert.equal(outsider.status, 403);
      assert.equal((await fetch(`${serve.base}health`)).status, 200);
    } finally {
      await serve.stop();
    }
  });

  it('commits a distribution run for a steward only.', async () => {
    await writeDay(['5']);
    const serve = await startServe(['--config', configFile, '--no-notifications', '--trusted-issuer', server.baseUrl]);
    try {
      const url = `${serve.base}api/distributions`;
      const body = JSON.stringify({
        equation: `${named.net!.account.podUrl}rea/resources/equation.ttl#work`, amount: '90.00',
        currency: 'https://currency.example/eur',
      });
      const post = (fetchFn: typeof fetch): Promise<Response> =>
        fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal((await post(fetch)).status, 401);
      assert.equal((await post(named.agg!.session.fetch)).status, 403);
      const committed = await post(named.ada!.session.fetch);
      assert.equal(committed.status, 201);
      const run = await committed.json() as { payouts: { agent: string; amount: string }[] };
      assert.deepEqual(run.payouts.map((payout) => [payout.agent, payout.amount]), [[webId('ada'), '90.00']]);
      const location = committed.headers.get('location') ?? '';
      assert.ok(location.startsWith(`${named.net!.account.podUrl}rea/distributions/`), location);
      assert.equal((await named.net!.session.fetch(location)).status, 200);
    } finally {
      await serve.stop();
    }
  });

  it('serves the crawl report as Turtle.', async () => {
    const serve = await startServe(['--config', configFile, '--no-notifications']);
    try {
      const response = await fetch(`${serve.base}crawl.ttl`);
      assert.equal(response.headers.get('content-type'), 'text/turtle; charset=utf-8');
      const quads = turtle(await response.text(), serve.base);
      const agents = quads.filter((quad) => quad.predicate.equals(OCE_CRAWL.agent)).map((quad) => quad.object.value);
      assert.deepEqual(agents.sort(), [webId('net'), webId('ada')].sort());
    } finally {
      await serve.stop();
    }
  });
});
