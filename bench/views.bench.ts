/**
 * Measures the latency of the accounting views over HTTP on loopback, on a generated network
 * (default 100,000 events) and on the demo network (its in-process Solid server, seed data and
 * upstream examples). Each figure is printed next to two references from the same run: the
 * latency of `/health` (HTTP and JSON overhead alone) and the time to compute the crawl's
 * snapshot (reading the model, replaying the inventory, summing contributions).
 *
 * Run with `npx tsx bench/views.bench.ts [events] [--no-demo]`.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { snapshotOf } from '../src/aggregator/index.js';
import type { NetworkSnapshot } from '../src/aggregator/index.js';
import { Demo } from '../src/demo/index.js';
import { createServiceApp, listenOn } from '../src/service/index.js';
import { generateNetwork } from './support/generatedNetwork.js';

const EVENTS = Number(process.argv.find((argument) => /^\d+$/u.test(argument)) ?? 100_000);
const WITH_DEMO = !process.argv.includes('--no-demo');
const WARM_RUNS = 20;

interface Probe {
  label: string;
  path: string;
}

interface Measured {
  label: string;
  coldMs: number;
  warmMedianMs: number;
  warmP95Ms: number;
  bytes: number;
}

async function timeRequest(url: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  const ms = performance.now() - start;
  if (response.status !== 200) {
    throw new Error(`Expected 200 from [${url}], got ${response.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  }
  return { ms, bytes: body.byteLength };
}

const percentile = (sorted: number[], fraction: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;

async function measure(base: string, probe: Probe): Promise<Measured> {
  const cold = await timeRequest(`${base}${probe.path}`);
  const warm: number[] = [];
  for (let run = 0; run < WARM_RUNS; run += 1) {
    warm.push((await timeRequest(`${base}${probe.path}`)).ms);
  }
  warm.sort((a, b) => a - b);
  return {
    label: probe.label, coldMs: cold.ms, warmMedianMs: percentile(warm, 0.5), warmP95Ms: percentile(warm, 0.95),
    bytes: cold.bytes,
  };
}

function probesOf(snapshot: NetworkSnapshot, ids: { organization: string; project: string; person: string }): Probe[] {
  const id = (iri: string): string => encodeURIComponent(iri);
  return [
    { label: 'health (reference)', path: '/health' },
    { label: 'network view', path: '/api/views/network' },
    { label: 'network view, one month', path: '/api/views/network?from=2026-02-01&to=2026-03-01' },
    { label: 'organization view', path: `/api/views/organization?id=${id(ids.organization)}` },
    { label: 'project view', path: `/api/views/project?id=${id(ids.project)}` },
    { label: 'person view', path: `/api/views/person?id=${id(ids.person)}` },
    { label: 'network events, first page', path: '/api/views/network/events?limit=100' },
    { label: 'scopes', path: '/api/scopes' },
  ].filter((probe) => probe.path.startsWith('/api/views/network') || !probe.path.includes('id=') ||
    snapshot.views.scopes.get(decodeURIComponent(probe.path.split('id=')[1] ?? '')) !== undefined);
}

async function run(title: string, snapshot: NetworkSnapshot, snapshotMs: number,
  ids: { organization: string; project: string; person: string }): Promise<void> {
  const server: Server = await listenOn(createServiceApp(() => snapshot), 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const results: Measured[] = [];
    for (const probe of probesOf(snapshot, ids)) {
      results.push(await measure(base, probe));
    }
    const health = results[0]?.warmMedianMs ?? Number.NaN;
    console.log(`\n${title}: snapshot computed in ${snapshotMs.toFixed(0)} ms; /health median ${health.toFixed(2)} ms`);
    console.log('request                        cold ms  warm p50  warm p95   p50/health  cold/snapshot   bytes');
    for (const result of results) {
      console.log(`${result.label.padEnd(30)} ${result.coldMs.toFixed(1).padStart(7)} ${result.warmMedianMs.toFixed(1).padStart(9)} ` +
        `${result.warmP95Ms.toFixed(1).padStart(9)} ${(result.warmMedianMs / health).toFixed(1).padStart(11)}x ` +
        `${(result.coldMs / snapshotMs).toFixed(3).padStart(13)}x ${String(result.bytes).padStart(9)}`);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

async function generated(): Promise<void> {
  const shape = {
    events: EVENTS, organizations: 10, projectsPerOrganization: 5, processesPerProject: 10, people: 200, days: 300,
  };
  const network = await generateNetwork(shape);
  const start = performance.now();
  const snapshot = snapshotOf(network.result);
  const snapshotMs = performance.now() - start;
  await run(`Generated network: ${network.events} events in ${network.documents} documents, ` +
    `${shape.organizations} organizations, ${shape.people} people`, snapshot, snapshotMs, network);
}

async function demo(): Promise<void> {
  const instance = new Demo();
  try {
    const result = await instance.start();
    const base = result.solidBaseUrl;
    const start = performance.now();
    const snapshot = snapshotOf(result.crawl);
    const snapshotMs = performance.now() - start;
    await run(`Demo network: ${snapshot.views.scopes.all().length} scopes, ${result.crawl.documents.length} documents`,
      snapshot, snapshotMs, {
      organization: `${base}woodshop/profile/card#me`,
      project: `${base}woodshop/profile/card#stool-project`,
      person: `${base}ada/profile/card#me`,
    });
  } finally {
    await instance.stop();
  }
}

await generated();
if (WITH_DEMO) {
  await demo();
}
