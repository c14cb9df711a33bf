import { strict as assert } from 'node:assert';
import { computeInventory } from '../../src/accounting/index.js';
import type { InventoryResult } from '../../src/accounting/index.js';
import type { ActionId, EconomicEvent } from '../../src/model/index.js';
import { event, modelOf, process, qty, show, stateOf } from './factories.js';

const ALICE = 'https://alice.example/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';
const R = 'https://alice.example/rea/resources/r';
const T = 'https://bob.example/rea/resources/t';
const PLACE = 'https://places.example/dock';
const SPEC = 'https://alice.example/rea/specs/packing';
const PROCESS = 'https://alice.example/rea/processes/p1';

/** Alice provides 3 of R to Bob; R starts with 10 raised by Alice. */
function replay(action: ActionId, fields: Partial<EconomicEvent>): InventoryResult {
  const opening = event('https://alice.example/rea/events/open', 'raise', {
    provider: ALICE, receiver: ALICE, resourceInventoriedAs: R, resourceQuantity: qty(10),
  });
  const implying = event('https://alice.example/rea/events/e', action, {
    provider: ALICE, receiver: BOB, resourceInventoriedAs: R, resourceQuantity: qty(3), toLocation: PLACE,
    state: 'S', outputOf: PROCESS, hasPointInTime: '2026-12-04T12:00:00Z', ...fields,
  });
  return computeInventory(modelOf({ events: [opening, implying], processes: [process(PROCESS, { basedOn: SPEC })] }));
}

type Expected = [
  action: ActionId, rAccounting: string, rOnhand: string, tAccounting: string | null, tOnhand: string | null,
  rCustodian: string | null, tCustodian: string | null, tAccountable: string | null, rLocation: string | null,
  tLocation: string | null, tState: string | null,
];

/*
 * With T, an input (consume, pickup, accept) takes q from R once, and T nets to zero because the
 * input lands on T inside Bob's process. An output (produce, dropoff, modify) adds q to R, and
 * the transfer then moves it on to T. deliverService changes no quantity of its own, so T gains q.
 */
const WITH_T: Expected[] = [
  ['consume', '7 one', '7 one', '0 one', '0 one', ALICE, BOB, BOB, null, PLACE, 'S'],
  ['produce', '10 one', '10 one', '3 one', '3 one', ALICE, BOB, BOB, null, PLACE, 'S'],
  ['deliverService', '7 one', '7 one', '3 one', '3 one', ALICE, BOB, BOB, null, PLACE, 'S'],
  ['pickup', '10 one', '7 one', '0 one', '0 one', ALICE, BOB, null, null, PLACE, 'S'],
  ['accept', '10 one', '7 one', '0 one', '0 one', ALICE, BOB, null, null, PLACE, 'S'],
  ['dropoff', '10 one', '10 one', '0 one', '3 one', ALICE, BOB, null, PLACE, PLACE, 'S'],
  ['modify', '10 one', '10 one', '0 one', '3 one', ALICE, BOB, null, PLACE, PLACE, 'S'],
];

/* Without T: a full transfer has no record to land on; a custody transfer hands R to Bob. */
const WITHOUT_T: Expected[] = [
  ['consume', '7 one', '7 one', null, null, ALICE, null, null, null, null, null],
  ['produce', '13 one', '13 one', null, null, ALICE, null, null, null, null, null],
  ['deliverService', '10 one', '10 one', null, null, ALICE, null, null, null, null, null],
  ['pickup', '10 one', '7 one', null, null, BOB, null, null, PLACE, null, null],
  ['accept', '10 one', '7 one', null, null, BOB, null, null, PLACE, null, null],
  ['dropoff', '10 one', '13 one', null, null, BOB, null, null, PLACE, null, null],
  ['modify', '10 one', '13 one', null, null, BOB, null, null, PLACE, null, null],
];

function assertExpected(result: InventoryResult, expected: Expected): void {
  const [action, ...values] = expected;
  const r = stateOf(result, R);
  const t = result.resources.find((state) => state.id === T);
  const actual = [
    show(r.accountingQuantity), show(r.onhandQuantity), show(t?.accountingQuantity), show(t?.onhandQuantity),
    r.custodian, t?.custodian ?? null, t?.primaryAccountable ?? null, r.currentLocation, t?.currentLocation ?? null,
    t?.state ?? null,
  ];
  const names = ['R accounting', 'R onhand', 'T accounting', 'T onhand', 'R custodian', 'T custodian',
    'T accountable', 'R location', 'T location', 'T state'];
  names.forEach((name, index) => assert.equal(actual[index], values[index], `${action}: ${name}`));
  assert.deepEqual(result.problems, [], `${action}: problems`);
}

describe('An InventoryCalculator applying implied transfers', () => {
  describe('onto a receiver-side record T', () => {
    for (const expected of WITH_T) {
      it(`moves ${expected[0]} from R to T.`, () => {
        assertExpected(replay(expected[0], { toResourceInventoriedAs: T }), expected);
      });
    }
  });

  describe('without a receiver-side record', () => {
    for (const expected of WITHOUT_T) {
      it(`applies only the own effects of ${expected[0]} and the custody rule.`, () => {
        assertExpected(replay(expected[0], {}), expected);
      });
    }
  });

  it('implies no transfer when provider and receiver are the same agent.', () => {
    const result = replay('pickup', { receiver: ALICE, toResourceInventoriedAs: T });
    assert.equal(show(stateOf(result, R).onhandQuantity), '7 one');
    assert.equal(stateOf(result, T).onhandQuantity, null);
    assert.equal(stateOf(result, R).custodian, ALICE);
  });

  it('keeps the provider accountable for a produced R.', () => {
    const created = event('https://alice.example/rea/events/made', 'produce', {
      provider: ALICE, receiver: BOB, resourceInventoriedAs: 'https://alice.example/rea/resources/new',
      toResourceInventoriedAs: T, resourceQuantity: qty(2),
    });
    const result = computeInventory(modelOf({ events: [created] }));
    const r = stateOf(result, 'https://alice.example/rea/resources/new');
    assert.equal(r.primaryAccountable, ALICE);
    assert.equal(r.custodian, ALICE);
    assert.equal(show(r.onhandQuantity), '0 one');
    assert.equal(stateOf(result, T).primaryAccountable, BOB);
    assert.equal(show(stateOf(result, T).accountingQuantity), '2 one');
  });
});
