/**
 * Measures a full crawl and a no-change recrawl of a network of 20 member pods on an in-process
 * Community Solid Server, against the raw authenticated GET throughput of the same server and
 * documents. Run with `npx tsx bench/networkCrawl.bench.ts`; it prints one line per measurement.
 */
import { performance } from 'node:perf_hooks';
import { FetchDocumentSource, NetworkCrawler } from '../src/crawler/index.js';
import { AccessGranter, PodInitializer } from '../src/pod/index.js';
import { AccountClient, ClientCredentialsSession, SolidServer } from '../src/solid/index.js';
import type { PodAccount } from '../src/solid/index.js';

const MEMBERS = 20;
const DOCUMENTS_PER_MEMBER = 5;
const CONCURRENCY = 4;

async function login(server: SolidServer, account: PodAccount): Promise<ClientCredentialsSession> {
  return ClientCredentialsSession.login({
    clientId: account.clientId, clientSecret: account.clientSecret, oidcIssuer: server.baseUrl,
  });
}

/** Creates a member pod with its layout, a few event documents and a read grant for the aggregator. */
async function seedMember(server: SolidServer, account: PodAccount, grantee: string): Promise<string[]> {
  const session = await login(server, account);
  const options = { fetch: session.fetch, webId: account.webId, storage: account.podUrl };
  await new PodInitializer(options).initialize();
  const urls: string[] = [];
  for (let day = 1; day <= DOCUMENTS_PER_MEMBER; day += 1) {
    const url = `${account.podUrl}rea/events/2026/12/0${day}.ttl`;
    const body = `<#e${day}> a <https://w3id.org/valueflows/ont/vf#EconomicEvent> ;
      <https://w3id.org/valueflows/ont/vf#action> <https://w3id.org/valueflows/ont/vf#work> ;
      <https://w3id.org/valueflows/ont/vf#provider> <${account.webId}> .`;
    await session.fetch(url, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body });
    urls.push(url);
  }
  await new AccessGranter(options).grantRead(grantee);
  await session.logout();
  return urls;
}

/** Returns GETs per second for the URLs, `CONCURRENCY` at a time, every body read. */
async function rawGetRate(fetchFn: typeof fetch, urls: string[]): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next]!;
      next += 1;
      await (await fetchFn(url, { headers: { accept: 'text/turtle' } })).text();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return urls.length / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const server = await SolidServer.start({ loggingLevel: 'error' });
  const accounts = new AccountClient(server.baseUrl);
  const aggregator = await accounts.createPodAccount({ name: 'benchagg' });
  const network = await accounts.createPodAccount({ name: 'benchnet' });
  const members: PodAccount[] = [];
  const documentUrls: string[] = [];
  for (let index = 0; index < MEMBERS; index += 1) {
    const member = await accounts.createPodAccount({ name: `benchmember${index}` });
    members.push(member);
    documentUrls.push(...await seedMember(server, member, aggregator.webId));
  }
  const networkSession = await login(server, network);
  await new PodInitializer({ fetch: networkSession.fetch, webId: network.webId, storage: network.podUrl }).initialize();
  const memberList = members.map((member) => `<${member.webId}>`).join(', ');
  await networkSession.fetch(`${network.podUrl}rea/resources/network.ttl`, {
    method: 'PUT', headers: { 'content-type': 'text/turtle' },
    body: `<${network.webId}> <http://www.w3.org/ns/org#hasMember> ${memberList} .`,
  });
  await new AccessGranter({ fetch: networkSession.fetch, webId: network.webId, storage: network.podUrl })
    .grantRead(aggregator.webId);
  await networkSession.logout();

  const session = await login(server, aggregator);
  await rawGetRate(session.fetch, documentUrls.slice(0, 10));
  const rawRate = await rawGetRate(session.fetch, documentUrls);

  const source = new FetchDocumentSource(session.fetch);
  const crawler = new NetworkCrawler({ roots: [network.webId], fetcher: source, podConcurrency: CONCURRENCY });
  let started = performance.now();
  const full = await crawler.crawl();
  const fullMs = performance.now() - started;
  const requestsFull = source.downloads + source.notModified;
  const downloadsBefore = source.downloads;
  started = performance.now();
  const again = await crawler.crawl();
  const recrawlMs = performance.now() - started;
  const requestsRecrawl = source.downloads + source.notModified - requestsFull;

  const lines = [
    `pods: ${full.report.totals.pods}, documents loaded: ${full.report.totals.loaded}, problems: ${full.problems.length}`,
    `raw authenticated GET: ${rawRate.toFixed(1)} documents/s (concurrency ${CONCURRENCY})`,
    `full crawl: ${fullMs.toFixed(0)} ms, ${requestsFull} requests, ` +
      `${(requestsFull / (fullMs / 1000)).toFixed(1)} requests/s = ${(requestsFull / (fullMs / 1000) / rawRate).toFixed(2)} x raw`,
    `no-change recrawl: ${recrawlMs.toFixed(0)} ms, ${requestsRecrawl} requests, ` +
      `${source.downloads - downloadsBefore} downloads, unchanged ${again.report.totals.unchanged}, ` +
      `${(recrawlMs / fullMs).toFixed(2)} x the full crawl`,
    `documents per second of the full crawl: ${(full.report.totals.loaded / (fullMs / 1000)).toFixed(1)} ` +
      `= ${(full.report.totals.loaded / (fullMs / 1000) / rawRate).toFixed(2)} x raw GET`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await session.logout();
  await server.stop();
}

await main();
