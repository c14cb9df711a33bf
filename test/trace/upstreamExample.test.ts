import assert from 'node:assert/strict';
import type { EconomicModel } from '../../src/model/index.js';
import { trace, track } from '../../src/trace/index.js';
import { referencePath } from '../support/referenceData.js';
import { loadModel } from './loadTraceFixture.js';

const ALICE = 'https://alice.example/';
const BOB = 'https://bob.example/';
const CLAUDIA = 'https://claudia.example/';
const APPLES_ALICE = `${ALICE}21f361a6-2375-46bb-b192-c21b5ba833bf`;
const APPLES_BOB = `${BOB}9bd19194-a36d-4a1f-896b-8082887962cb`;
const APPLES_TRUCK = `${CLAUDIA}27be5cab-d740-4194-9298-1661a69d9d95`;
const HOP_1 = `${CLAUDIA}633f6e56-6c7d-4a5b-b9c9-1a8adafd8960`;
const HOP_2 = `${CLAUDIA}c404cff5-19c7-453d-b0d8-d8e96055bd0c`;
const PICKUP_1 = `${CLAUDIA}fd399b37-0740-4a68-a184-1e655021ca21`;
const DROPOFF_1 = `${CLAUDIA}57f1c1d0-432e-4bfa-9d32-002b8955a708`;
const PICKUP_2 = `${CLAUDIA}856c43b1-0a63-445f-a56f-707b257f086e`;
const DROPOFF_2 = `${CLAUDIA}9cb4944b-d26d-4774-a530-d18f2747c0d8`;
const SERVICE = 'urn:uuid:68cabaf3-deb8-4bd5-a439-798263abe35a';

/*
 * Upstream example "Transportation with transfer": Claudia carries Alice's apples to Bob in two
 * hops. The first pickup moves custody from Alice's record to Claudia's truck record (its T).
 * Both dropoffs and the second pickup name the truck record as R. The last dropoff hands the
 * apples on to Bob's record (its T). No event has a time, so neighbours are ordered by IRI alone.
 */
describe('Track and trace over the upstream transportation example', () => {
  let model: EconomicModel;

  before(async () => {
    model = await loadModel(referencePath('examples', 'current-extracted', 'ex-exchange--08--transportation-with-transfer.yaml'));
  });

  /*
   * Bob's record came from the second dropoff (its T), an output of the second hop. That hop's
   * input is the second pickup, of the truck record that the dropoff put out, so it pairs. The
   * truck record came from three events, walked in descending IRI order: the first pickup (T),
   * the second dropoff (already listed) and the first dropoff. The first pickup took from
   * Alice's record, which nothing brought in. The first dropoff leads to the first hop, whose
   * only input is the first pickup, already listed. The service event and the two payments are
   * not upstream of the apples.
   */
  it('traces the apples Bob received back to Alice.', () => {
    assert.deepEqual(trace(model, APPLES_BOB).flows.map((flow) => flow.id), [
      APPLES_BOB, DROPOFF_2, HOP_2, PICKUP_2, APPLES_TRUCK, PICKUP_1, APPLES_ALICE, DROPOFF_1, HOP_1,
    ]);
  });

  /*
   * Alice's record fed the first pickup, which leads to the truck record (its T) and the first
   * hop; the record sorts first by IRI. The truck record fed the second pickup, then the second
   * hop, whose outputs are the dropoff (IRI https://…, sorted before urn:…) onto Bob's record
   * and the delivered service. Last, the first hop's output is the first dropoff, which pairs
   * with the first pickup through the truck record.
   */
  it('tracks the apples from Alice to Bob.', () => {
    assert.deepEqual(track(model, APPLES_ALICE).flows.map((flow) => flow.id), [
      APPLES_ALICE, PICKUP_1, APPLES_TRUCK, PICKUP_2, HOP_2, DROPOFF_2, APPLES_BOB, SERVICE, HOP_1, DROPOFF_1,
    ]);
  });
});
