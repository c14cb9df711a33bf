import assert from 'node:assert/strict';
import { Parser } from 'n3';
import { NetworkAggregator, snapshotOf } from '../../src/aggregator/index.js';
import type { LoadedDocument, NetworkCrawlResult, PodCrawlReport } from '../../src/crawler/index.js';
import { totalsOf } from '../../src/crawler/index.js';
import type { NetworkSnapshot } from '../../src/aggregator/index.js';

const ALICE = 'https://alice.example/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';
const ALICE_EVENTS = 'https://alice.example/rea/events/2026/12/04.ttl';
const BOB_EVENTS = 'https://bob.example/rea/events/2026/12/01.ttl';
const PREFIXES = `@prefix vf: <https://w3id.org/valueflows/ont/vf#> .
@prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix alice: <https://alice.example/> .
@prefix bob: <https://bob.example/> .
`;

/** Bob's own record: 10 stools in his pod and 3 hours of work for Alice. */
const BOB_TURTLE = `${PREFIXES}
bob:help a vf:EconomicEvent ; vf:action vf:work ;
  vf:provider <${BOB}> ; vf:receiver <${ALICE}> ;
  vf:effortQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit om2:hour ] .

bob:open a vf:EconomicEvent ; vf:action vf:raise ;
  vf:provider <${BOB}> ; vf:receiver <${BOB}> ;
  vf:resourceInventoriedAs bob:stools ;
  vf:resourceQuantity [ vf:hasNumericalValue 10 ; vf:hasUnit om2:one ] ;
  vf:hasPointInTime "2026-12-01T09:00:00Z"^^xsd:dateTime .
`;

function pod(webId: string, storage: string): PodCrawlReport {
  return {
    webId, storage, depth: 1, typeIndexes: [], containers: [`${storage}rea/events/`], seen: 1, loaded: 1,
    downloaded: 1, unchanged: 0, rejected: 0, failed: 0, coverage: 1, durationMs: 0, complete: true, stale: null,
    errors: [], quarantined: [],
  };
}

function document(source: string, turtle: string): LoadedDocument {
  return { source, quads: new Parser({ baseIRI: source }).parse(turtle), problems: [], loadedAt: '2026-12-05T00:00:00Z' };
}

function crawlResult(aliceTurtle: string): NetworkCrawlResult {
  const pods = [pod(ALICE, 'https://alice.example/'), pod(BOB, 'https://bob.example/')];
  return {
    crawledAt: '2026-12-05T00:00:00.000Z', networks: [], members: [], memberships: [],
    documents: [document(BOB_EVENTS, BOB_TURTLE), document(ALICE_EVENTS, aliceTurtle)],
    report: {
      crawledAt: '2026-12-05T00:00:00.000Z', durationMs: 0, roots: [], pods, cycles: [], duplicates: [],
      problems: [], totals: totalsOf(pods),
    },
    problems: [],
  };
}

function stock(snapshot: NetworkSnapshot, id: string): string | undefined {
  return snapshot.inventory.resources.find((candidate) => candidate.id === id)?.accountingQuantity?.value;
}

function contributionsOf(snapshot: NetworkSnapshot, agent: string): [string, string][] {
  const entry = snapshot.contributions.agents.find((candidate) => candidate.agent === agent);
  return entry?.totals.map((total) => [total.kind, total.quantity]) ?? [];
}

function excludedEvents(snapshot: NetworkSnapshot): (string | null)[] {
  return snapshot.inventory.problems.filter((found) => found.severity === 'error').map((found) => found.subject);
}

describe('A NetworkAggregator', () => {
  it('excludes a transfer out of another member\'s resource.', () => {
    const snapshot = snapshotOf(crawlResult(`${PREFIXES}
      alice:take a vf:EconomicEvent ; vf:action vf:transfer ;
        vf:provider <${BOB}> ; vf:receiver <${ALICE}> ;
        vf:resourceInventoriedAs bob:stools ; vf:toResourceInventoriedAs alice:stools ;
        vf:resourceQuantity [ vf:hasNumericalValue 15 ; vf:hasUnit om2:one ] ;
        vf:hasPointInTime "2026-12-04T09:00:00Z"^^xsd:dateTime .`));
    assert.equal(stock(snapshot, 'https://bob.example/stools'), '10');
    assert.equal(stock(snapshot, 'https://alice.example/stools'), undefined);
    assert.deepEqual(excludedEvents(snapshot), ['https://alice.example/take']);
    assert.equal(snapshot.inventory.problems[0]?.message, 'Event [https://alice.example/take] in document ' +
      `[${ALICE_EVENTS}] of the pod of [${ALICE}] was excluded from inventory and contributions: an event that ` +
      'decrements the provider\'s resource counts only when it is read from the provider\'s pod.');
    assert.equal(snapshot.inventory.problems[0]?.source, ALICE_EVENTS);
    assert.deepEqual(contributionsOf(snapshot, BOB), [['work', '3']]);
    assert.deepEqual(snapshot.contributions.problems.map((found) => found.subject), ['https://alice.example/take']);
  });

  it('excludes an event between two other agents.', () => {
    const snapshot = snapshotOf(crawlResult(`${PREFIXES}
      alice:work a vf:EconomicEvent ; vf:action vf:work ;
        vf:provider <${BOB}> ; vf:receiver <https://carol.example/profile/card#me> ;
        vf:effortQuantity [ vf:hasNumericalValue 500 ; vf:hasUnit om2:hour ] .`));
    assert.deepEqual(contributionsOf(snapshot, BOB), [['work', '3']]);
    assert.deepEqual(excludedEvents(snapshot), ['https://alice.example/work']);
    assert.match(snapshot.inventory.problems[0]?.message ?? '',
      /the owner of the pod it is read from is its provider or its receiver/u);
  });

  it('excludes a correction of another member\'s event.', () => {
    const snapshot = snapshotOf(crawlResult(`${PREFIXES}
      alice:fix a vf:EconomicEvent ; vf:action vf:work ; vf:corrects bob:help ;
        vf:effortQuantity [ vf:hasNumericalValue -3 ; vf:hasUnit om2:hour ] .`));
    assert.deepEqual(contributionsOf(snapshot, BOB), [['work', '3']]);
    assert.deepEqual(excludedEvents(snapshot), ['https://alice.example/fix']);
    assert.match(snapshot.inventory.problems[0]?.message ?? '',
      /a correction counts only when it is read from the pod of its provider or of the event it corrects/u);
  });

  it('counts what the pod owner received and gave from her own resource.', () => {
    const snapshot = snapshotOf(crawlResult(`${PREFIXES}
      alice:credit a vf:EconomicEvent ; vf:action vf:work ;
        vf:provider <${BOB}> ; vf:receiver <${ALICE}> ;
        vf:effortQuantity [ vf:hasNumericalValue 2 ; vf:hasUnit om2:hour ] .
      alice:raise a vf:EconomicEvent ; vf:action vf:raise ;
        vf:provider <${ALICE}> ; vf:receiver <${ALICE}> ; vf:resourceInventoriedAs alice:flour ;
        vf:resourceQuantity [ vf:hasNumericalValue 5 ; vf:hasUnit om2:one ] .
      alice:give a vf:EconomicEvent ; vf:action vf:transfer ;
        vf:provider <${ALICE}> ; vf:receiver <${BOB}> ;
        vf:resourceInventoriedAs alice:flour ; vf:toResourceInventoriedAs bob:flour ;
        vf:resourceQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit om2:one ] ;
        vf:hasPointInTime "2026-12-04T09:00:00Z"^^xsd:dateTime .`));
    assert.deepEqual(snapshot.inventory.problems, []);
    assert.equal(stock(snapshot, 'https://alice.example/flour'), '2');
    assert.equal(stock(snapshot, 'https://bob.example/flour'), '3');
    assert.deepEqual(contributionsOf(snapshot, BOB), [['work', '5']]);
  });

  it('aggregates what its source crawled.', async () => {
    const result = crawlResult(`${PREFIXES} alice:x a vf:Agent .`);
    const snapshot = await new NetworkAggregator({ crawl: async () => Promise.resolve(result) }).aggregate();
    assert.equal(stock(snapshot, 'https://bob.example/stools'), '10');
  });
});
