// Measures the cost of verifying one Solid-OIDC token and DPoP proof, with cold and cached keys.
// Run with `npx tsx test/service/auth/support/measureVerification.ts`; it prints JSON.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import express from 'express';
import {
  AccessPolicy, createCallerAuthenticator, createServiceAuth, listenOn,
} from '../../../../src/service/index.js';
import type { TokenRequest } from '../../../../src/service/index.js';
import { AccountClient, ClientCredentialsSession, SolidServer } from '../../../../src/solid/index.js';

const COLD_RUNS = 5;
const WARM_REQUESTS = 300;

function percentile(sorted: number[], fraction: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!.toFixed(2));
}

const server = await SolidServer.start();
const account = await new AccountClient(server.baseUrl).createPodAccount({ name: 'measure' });
const session = await ClientCredentialsSession.login({
  clientId: account.clientId, clientSecret: account.clientSecret, oidcIssuer: server.baseUrl,
});
const config = {
  service: { host: '127.0.0.1', port: 0, access: 'open' as const },
  addressPolicy: { allowLoopback: true, allowPrivate: false },
};
const policy = new AccessPolicy({ access: 'open', memberships: () => undefined });
const cold: number[] = [];
const warm: number[] = [];
let current = createServiceAuth(config, () => undefined).verifier;
let samples = cold;
const timed = {
  verify: async(request: TokenRequest) => {
    const started = performance.now();
    const caller = await current.verify(request);
    samples.push(performance.now() - started);
    return caller;
  },
};
const app = express();
app.use(createCallerAuthenticator({ verifier: timed, policy }));
app.get('/api/whoami', (_request, response) => {
  response.json({ ok: true });
});
const listening = await listenOn(app, 0, '127.0.0.1');
const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/api/whoami`;

// Each cold run uses a new verifier, so it fetches the issuer configuration, key set and WebID profile.
for (let run = 0; run < COLD_RUNS; run += 1) {
  current = createServiceAuth(config, () => undefined).verifier;
  await (await session.fetch(url)).body?.cancel();
}
samples = warm;
for (let request = 0; request < WARM_REQUESTS; request += 1) {
  await (await session.fetch(url)).body?.cancel();
}

const sortedCold = [...cold].sort((a, b) => a - b);
const sortedWarm = [...warm].sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({
  node: process.version,
  coldMs: { runs: cold.length, min: percentile(sortedCold, 0), median: percentile(sortedCold, 0.5),
    max: percentile(sortedCold, 1) },
  cachedMs: { requests: warm.length, p50: percentile(sortedWarm, 0.5), p95: percentile(sortedWarm, 0.95),
    max: percentile(sortedWarm, 1) },
}, null, 2)}\n`);

listening.closeAllConnections();
listening.close();
await session.logout();
await server.stop();
