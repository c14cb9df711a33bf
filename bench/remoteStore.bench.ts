/**
 * Loads the same generated event documents, one named graph each, into the embedded OxigraphStore
 * and into a RemoteSparqlStore on a Virtuoso started for this run, and prints the time of each
 * step with the ratio Virtuoso / Oxigraph. It also times the query worker of the OxigraphStore:
 * its start from a dump, which a query after a timeout waits for. Printed, not asserted.
 * Run with `npx tsx bench/remoteStore.bench.ts [documents]` (default 1,000 documents of 20 triples).
 */
import { performance } from 'node:perf_hooks';
import { Parser } from 'n3';
import type { Quad } from 'n3';
import { OxigraphStore, RemoteSparqlStore, VIRTUOSO_AUTHENTICATED_PATHS } from '../src/store/index.js';
import type { QuadStore } from '../src/store/index.js';
import { VirtuosoServer } from '../test/store/support/VirtuosoServer.js';

const DOCUMENTS = Number(process.argv[2] ?? 1000);
const REPLACEMENTS = 100;
const VF = 'https://w3id.org/valueflows/ont/vf#';
const COUNT_QUERY = `PREFIX vf: <${VF}> SELECT (COUNT(?e) AS ?n) WHERE { ?e vf:action vf:work }`;

/** Writes one day's event document: two work events with an effort quantity each. */
function eventDocument(index: number): string {
  const events = [0, 1].map((event) => `<#e${event}> a vf:EconomicEvent ;
  vf:action vf:work ; vf:provider <https://member${index % 50}.example/profile/card#me> ;
  vf:receiver <https://network.example/profile/card#me> ; vf:inScopeOf <https://network.example/projects/p${index % 7}> ;
  vf:hasPointInTime "2026-12-04T10:0${event}:00Z"^^xsd:dateTime ; vf:note "Event ${event} of document ${index}" ;
  vf:effortQuantity [ a vf:Measure ; vf:hasNumericalValue "${event + 2}.5"^^xsd:decimal ;
    vf:hasUnit <http://www.ontology-of-units-of-measure.org/resource/om-2/hour> ] .`);
  return `@prefix vf: <${VF}> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n${events.join('\n')}\n`;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Times loading every document, replacing one graph (mean of REPLACEMENTS) and the count query. */
async function measure(store: QuadStore, urls: string[], documents: Quad[][]): Promise<number[]> {
  const loadMs = await time(async () => {
    for (const [index, quads] of documents.entries()) {
      await store.replaceGraph(urls[index] as string, quads);
    }
  });
  const replaceMs = await time(async () => {
    for (let round = 0; round < REPLACEMENTS; round += 1) {
      const index = (round * 7919) % urls.length;
      await store.replaceGraph(urls[index] as string, documents[index] as Quad[]);
    }
  }) / REPLACEMENTS;
  await store.query(COUNT_QUERY);
  const queryMs = await time(() => store.query(COUNT_QUERY));
  return [loadMs, replaceMs, queryMs];
}

const urls = Array.from({ length: DOCUMENTS }, (_, index) => `https://member${index % 50}.example/rea/events/d${index}.ttl`);
const documents = urls.map((url, index) => new Parser({ baseIRI: url }).parse(eventDocument(index)));
const quadCount = documents.reduce((sum, quads) => sum + quads.length, 0);

const oxigraph = new OxigraphStore();
const embedded = await measure(oxigraph, urls, documents);

const virtuoso = await VirtuosoServer.start();
try {
  const remote = new RemoteSparqlStore({
    baseUrl: virtuoso.baseUrl, credentials: virtuoso.credentials, ...VIRTUOSO_AUTHENTICATED_PATHS,
  });
  const remoteFigures = await measure(remote, urls, documents);
  const labels = ['load all documents', 'replace one graph', 'count the work events'];
  console.log(`documents ${DOCUMENTS}, quads ${quadCount}; Virtuoso holds ${await remote.countQuads()} quads`);
  for (const [index, label] of labels.entries()) {
    const local = embedded[index] ?? 0;
    const far = remoteFigures[index] ?? 0;
    console.log(`${label}: Oxigraph ${local.toFixed(2)} ms, Virtuoso ${far.toFixed(2)} ms, ` +
      `ratio ${(far / local).toFixed(1)}x`);
  }
} finally {
  await virtuoso.stop();
}

const dumpMs = await time(() => Promise.resolve(oxigraph.toNQuads()));
const withWorker = new OxigraphStore({ queryWorker: true });
for (const [index, quads] of documents.entries()) {
  await withWorker.replaceGraph(urls[index] as string, quads);
}
const startMs = await time(() => withWorker.query('ASK {}'));
const workerQueryMs = await time(() => withWorker.query(COUNT_QUERY));
await withWorker.close();
console.log(`query worker: dump ${dumpMs.toFixed(0)} ms, start with the dump and answer ASK ${startMs.toFixed(0)} ms, ` +
  `count query ${workerQueryMs.toFixed(2)} ms (${(workerQueryMs / (embedded[2] ?? 1)).toFixed(1)}x the calling thread)`);
