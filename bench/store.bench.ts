/**
 * Measures loading event-shaped documents into the OxigraphStore, one named graph each, and
 * replacing one document's graph, against n3 parsing the same Turtle in the same run. Run with
 * `npx tsx bench/store.bench.ts [documents]` (default 2,000 documents of 2 events, 20 triples).
 */
import { performance } from 'node:perf_hooks';
import { Parser } from 'n3';
import type { Quad } from 'n3';
import * as oxigraph from 'oxigraph';
import { OxigraphStore } from '../src/store/index.js';

const DOCUMENTS = Number(process.argv[2] ?? 2000);
const VF = 'https://w3id.org/valueflows/ont/vf#';
const REPLACEMENTS = 200;

/** Writes one day's event document: two events of 10 triples each, a measure among them. */
function eventDocument(index: number): string {
  const events = [0, 1].map((event) => `<#e${event}> a vf:EconomicEvent ;
  vf:action vf:work ; vf:provider <https://member${index % 50}.example/profile/card#me> ;
  vf:receiver <https://network.example/profile/card#me> ; vf:inScopeOf <https://network.example/projects/p${index % 7}> ;
  vf:hasPointInTime "2026-12-04T10:0${event}:00Z"^^xsd:dateTime ; vf:note "Event ${event} of document ${index}" ;
  vf:effortQuantity [ a vf:Measure ; vf:hasNumericalValue "${event + 2}.5"^^xsd:decimal ; vf:hasUnit <http://www.ontology-of-units-of-measure.org/resource/om-2/hour> ] .`);
  return `@prefix vf: <${VF}> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n${events.join('\n')}\n`;
}

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

async function timeAsync(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const urls = Array.from({ length: DOCUMENTS }, (_, index) => `https://member${index % 50}.example/rea/events/d${index}.ttl`);
const texts = urls.map((_, index) => eventDocument(index));
let parsed: Quad[][] = [];
const parseMs = time(() => {
  parsed = texts.map((text, index) => new Parser({ baseIRI: urls[index] }).parse(text));
});
const quadCount = parsed.reduce((sum, quads) => sum + quads.length, 0);

const store = new OxigraphStore();
const loadMs = await timeAsync(async () => {
  for (const [index, quads] of parsed.entries()) {
    await store.replaceGraph(urls[index] as string, quads);
  }
});

const rawStore = new oxigraph.Store();
const rawLoadMs = time(() => {
  for (const [index, text] of texts.entries()) {
    const url = urls[index] as string;
    rawStore.load(text, { format: 'text/turtle', base_iri: url, to_graph_name: oxigraph.namedNode(url) });
  }
});

const replaceMs = await timeAsync(async () => {
  for (let round = 0; round < REPLACEMENTS; round += 1) {
    const index = (round * 7919) % DOCUMENTS;
    await store.replaceGraph(urls[index] as string, parsed[index] as Quad[]);
  }
}) / REPLACEMENTS;
const parseOneMs = parseMs / DOCUMENTS;

const queryMs = await timeAsync(async () => {
  await store.query(`PREFIX vf: <${VF}> SELECT (COUNT(?e) AS ?n) WHERE { ?e vf:action vf:work }`);
});

const rate = (ms: number): string => `${Math.round(quadCount / (ms / 1000)).toLocaleString('en')} quads/s`;
console.log(`documents ${DOCUMENTS}, quads ${quadCount}, store size ${store.size}`);
console.log(`n3 parse of all documents: ${parseMs.toFixed(0)} ms (${rate(parseMs)})`);
console.log(`OxigraphStore.replaceGraph of all documents: ${loadMs.toFixed(0)} ms (${rate(loadMs)}), ` +
  `${(loadMs / parseMs).toFixed(1)}x the parse time`);
console.log(`oxigraph load of the Turtle text: ${rawLoadMs.toFixed(0)} ms (${rate(rawLoadMs)}), ` +
  `${(rawLoadMs / parseMs).toFixed(1)}x the parse time`);
console.log(`replace one document's graph: ${replaceMs.toFixed(3)} ms, ` +
  `${(replaceMs / parseOneMs).toFixed(1)}x parsing that document (${parseOneMs.toFixed(3)} ms)`);
console.log(`count the work events over the union graph: ${queryMs.toFixed(0)} ms`);
