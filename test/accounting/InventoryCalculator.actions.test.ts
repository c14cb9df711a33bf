import { strict as assert } from 'node:assert';
import { computeInventory, IMPLIED_CUSTODY_TRANSFER_ACTIONS, IMPLIED_TRANSFER_ACTIONS } from '../../src/accounting/index.js';
import type { InventoryResult } from '../../src/accounting/index.js';
import type { ActionId, EconomicEvent, Problem } from '../../src/model/index.js';
import { event, modelOf, process, qty, resource, show, stateOf } from './factories.js';

const ALICE = 'https://alice.example/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';
const CAROL = 'https://carol.example/profile/card#me';
const R = 'https://alice.example/rea/resources/r';
const T = 'https://bob.example/rea/resources/t';
const BOX = 'https://alice.example/rea/resources/box0';
const PLACE = 'https://places.example/warehouse';
const SPEC = 'https://alice.example/rea/specs/assembly';
const PROCESS = 'https://alice.example/rea/processes/p1';

const IMPLYING: readonly ActionId[] = [...IMPLIED_TRANSFER_ACTIONS, ...IMPLIED_CUSTODY_TRANSFER_ACTIONS];

/** Builds the event under test: 3 of R (and T) to PLACE in state S, output of a process based on SPEC. */
function actionEvent(action: ActionId, fields: Partial<EconomicEvent> = {}): EconomicEvent {
  const sameAgent = IMPLYING.includes(action);
  return event('https://alice.example/rea/events/e', action, {
    provider: ALICE, receiver: sameAgent ? ALICE : BOB,
    resourceInventoriedAs: R, toResourceInventoriedAs: T,
    resourceQuantity: qty(3), effortQuantity: qty(2, 'http://www.ontology-of-units-of-measure.org/resource/om-2/hour'),
    toLocation: PLACE, state: 'S', outputOf: PROCESS, hasPointInTime: '2026-12-04T12:00:00Z',
    ...fields,
  });
}

/** R: 10 raised by Alice, inside BOX; T: 4 raised by Carol. Both exist before the event. */
function replay(events: EconomicEvent[], withOpening = true): InventoryResult {
  const opening = withOpening ? [
    event('https://alice.example/rea/events/open-r', 'raise', {
      provider: ALICE, receiver: ALICE, resourceInventoriedAs: R, resourceQuantity: qty(10),
    }),
    event('https://bob.example/rea/events/open-t', 'raise', {
      provider: CAROL, receiver: CAROL, resourceInventoriedAs: T, resourceQuantity: qty(4),
    }),
  ] : [];
  return computeInventory(modelOf({
    events: [...opening, ...events],
    resources: withOpening ? [resource(R, { containedIn: BOX })] : [],
    processes: [process(PROCESS, { basedOn: SPEC })],
  }));
}

type Row = [
  action: ActionId, rAccounting: string | null, rOnhand: string | null, tAccounting: string | null,
  tOnhand: string | null, rLocation: string | null, tLocation: string | null, rContainedIn: string | null,
  rAccountable: string | null, tAccountable: string | null, rCustodian: string | null, tCustodian: string | null,
  rStage: string | null, rState: string | null, tState: string | null,
];

/* Expected states after the event on existing records R (10, Alice, in BOX) and T (4, Carol). */
const EXISTING: Row[] = [
  ['produce', '13 one', '13 one', '4 one', '4 one', null, null, BOX, ALICE, CAROL, ALICE, CAROL, SPEC, 'S', null],
  ['consume', '7 one', '7 one', '4 one', '4 one', null, null, BOX, ALICE, CAROL, ALICE, CAROL, null, 'S', null],
  ['use', '10 one', '10 one', '4 one', '4 one', null, null, BOX, ALICE, CAROL, ALICE, CAROL, null, 'S', null],
  ['work', '10 one', '10 one', '4 one', '4 one', null, null, BOX, ALICE, CAROL, ALICE, CAROL, null, null, null],
  ['cite', '10 one', '10 one', '4 one', '4 one', null, null, BOX, ALICE, CAROL, ALICE, CAROL, null, 'S', null],
  ['deliverService', '10 one', '10 one', '4 one', '4 one', null, null, BOX, ALICE, CAROL, ALICE, CAROL, null, null, null],
  ['pickup', '10 one', '7 one', '4 one', '4 one', PLACE, null, BOX, ALICE, CAROL, ALICE, CAROL, null, 'S', null],
  ['dropoff', '10 one', '13 one', '4 one', '4 one', PLACE, null, BOX, ALICE, CAROL, ALICE, CAROL, SPEC, 'S', null],
  ['accept', '10 one', '7 one', '4 one', '4 one', PLACE, null, BOX, ALICE, CAROL, ALICE, CAROL, null, 'S', null],
  ['modify', '10 one', '13 one', '4 one', '4 one', PLACE, null, BOX, ALICE, CAROL, ALICE, CAROL, SPEC, 'S', null],
  ['combine', '10 one', '7 one', '4 one', '4 one', null, null, T, ALICE, CAROL, ALICE, CAROL, null, 'S', null],
  ['separate', '10 one', '13 one', '4 one', '4 one', null, null, null, ALICE, CAROL, ALICE, CAROL, SPEC, 'S', null],
  ['transferCustody', '10 one', '7 one', '4 one', '7 one', null, PLACE, BOX, ALICE, CAROL, ALICE, BOB, null, null, 'S'],
  ['transferAllRights', '7 one', '10 one', '7 one', '4 one', null, null, BOX, ALICE, BOB, ALICE, CAROL, null, null, 'S'],
  ['transfer', '7 one', '7 one', '7 one', '7 one', null, PLACE, BOX, ALICE, BOB, ALICE, BOB, null, null, 'S'],
  ['move', '7 one', '7 one', '7 one', '7 one', null, PLACE, BOX, ALICE, CAROL, ALICE, BOB, null, null, 'S'],
  ['copy', '10 one', '10 one', '7 one', '7 one', null, null, BOX, ALICE, CAROL, ALICE, BOB, null, null, 'S'],
  ['raise', '13 one', '13 one', '4 one', '4 one', null, null, BOX, ALICE, CAROL, ALICE, CAROL, null, 'S', null],
  ['lower', '7 one', '7 one', '4 one', '4 one', null, null, BOX, ALICE, CAROL, ALICE, CAROL, null, 'S', null],
];

/* Expected states when R and T are named for the first time by the event (no documents either). */
const FRESH: Row[] = [
  ['produce', '3 one', '3 one', null, null, PLACE, null, null, ALICE, null, ALICE, null, SPEC, 'S', null],
  ['consume', '-3 one', '-3 one', null, null, null, null, null, null, null, null, null, null, 'S', null],
  ['use', null, null, null, null, null, null, null, null, null, null, null, null, 'S', null],
  ['work', null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ['cite', null, null, null, null, null, null, null, null, null, null, null, null, 'S', null],
  ['deliverService', null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ['pickup', '0 one', '-3 one', null, null, PLACE, null, null, null, null, null, null, null, 'S', null],
  ['dropoff', '0 one', '3 one', null, null, PLACE, null, null, null, null, null, null, SPEC, 'S', null],
  ['accept', '0 one', '-3 one', null, null, PLACE, null, null, null, null, null, null, null, 'S', null],
  ['modify', '0 one', '3 one', null, null, PLACE, null, null, null, null, null, null, SPEC, 'S', null],
  ['combine', '0 one', '-3 one', null, null, null, null, T, null, null, null, null, null, 'S', null],
  ['separate', '0 one', '3 one', null, null, null, null, null, null, null, null, null, SPEC, 'S', null],
  ['transferCustody', '0 one', '-3 one', '0 one', '3 one', null, PLACE, null, null, null, null, BOB, null, null, 'S'],
  ['transferAllRights', '-3 one', '0 one', '3 one', '0 one', null, null, null, null, BOB, null, BOB, null, null, 'S'],
  ['transfer', '-3 one', '-3 one', '3 one', '3 one', null, PLACE, null, null, BOB, null, BOB, null, null, 'S'],
  ['move', '-3 one', '-3 one', '3 one', '3 one', null, PLACE, null, null, null, null, BOB, null, null, 'S'],
  ['copy', null, null, '3 one', '3 one', null, PLACE, null, null, BOB, null, BOB, null, null, 'S'],
  ['raise', '3 one', '3 one', null, null, null, null, null, BOB, null, BOB, null, null, 'S', null],
  ['lower', '-3 one', '-3 one', null, null, null, null, null, BOB, null, BOB, null, null, 'S', null],
];

function assertRow(result: InventoryResult, row: Row): void {
  const [action, ...expected] = row;
  const r = stateOf(result, R);
  const t = stateOf(result, T);
  const actual = [
    show(r.accountingQuantity), show(r.onhandQuantity), show(t.accountingQuantity), show(t.onhandQuantity),
    r.currentLocation, t.currentLocation, r.containedIn, r.primaryAccountable, t.primaryAccountable,
    r.custodian, t.custodian, r.stage, r.state, t.state,
  ];
  const names = ['R accounting', 'R onhand', 'T accounting', 'T onhand', 'R location', 'T location',
    'R containedIn', 'R accountable', 'T accountable', 'R custodian', 'T custodian', 'R stage', 'R state', 'T state'];
  names.forEach((name, index) => assert.equal(actual[index], expected[index], `${action}: ${name}`));
  assert.deepEqual(result.problems.map(warnedQuantity), expectedNegatives(expected), `${action}: problems`);
}

/** Returns `[severity, resource, quantity name]` of a problem about a quantity below zero. */
function warnedQuantity(found: Problem): [string, string | null, string] {
  const field = /ends with (\w+) /u.exec(found.message)?.[1] ?? found.message;
  return [found.severity, found.subject, field];
}

/** Returns the warnings a row's quantities below zero call for, in the order the inventory reports them. */
function expectedNegatives(expected: (string | null)[]): [string, string | null, string][] {
  const quantities: [string, string, string | null][] = [
    [R, 'accountingQuantity', expected[0] ?? null], [R, 'onhandQuantity', expected[1] ?? null],
    [T, 'accountingQuantity', expected[2] ?? null], [T, 'onhandQuantity', expected[3] ?? null],
  ];
  return quantities.filter(([, , value]) => value?.startsWith('-') === true)
    .map(([resource, field]) => ['warning', resource, field]);
}

describe('An InventoryCalculator applying the VF action table', () => {
  describe('to existing resources', () => {
    for (const row of EXISTING) {
      it(`applies every effect of ${row[0]}.`, () => {
        assertRow(replay([actionEvent(row[0])]), row);
      });
    }
  });

  describe('to resources the event names first', () => {
    for (const row of FRESH) {
      it(`creates or changes resources as ${row[0]} does.`, () => {
        assertRow(replay([actionEvent(row[0])], false), row);
      });
    }
  });

  it('applies no effect of an event that has only an effort quantity.', () => {
    const result = replay([actionEvent('use', { resourceQuantity: undefined })]);
    assert.equal(show(stateOf(result, R).accountingQuantity), '10 one');
    assert.equal(show(stateOf(result, R).onhandQuantity), '10 one');
  });

  it('accepts a resourceQuantity on work without changing any resource.', () => {
    const result = replay([actionEvent('work', { effortQuantity: undefined })]);
    assert.equal(show(stateOf(result, R).onhandQuantity), '10 one');
    assert.deepEqual(result.problems, []);
  });
});
