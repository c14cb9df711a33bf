import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeInventory } from '../../src/accounting/index.js';
import type { InventoryResult } from '../../src/accounting/index.js';
import { Decimal } from '../../src/model/index.js';
import type { ActionId, EconomicEvent } from '../../src/model/index.js';
import { event, modelOf, qty, stateOf } from './factories.js';

const ALICE = 'https://alice.example/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';
const R = 'https://alice.example/rea/resources/r';
const T = 'https://bob.example/rea/resources/t';

/** Non-negative decimals with up to six fractional digits, as decimal literals. */
const amount = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)).toFixed());

const QUANTITY_ACTIONS: ActionId[] = [
  'produce', 'consume', 'pickup', 'dropoff', 'accept', 'modify', 'combine', 'separate',
  'transferCustody', 'transferAllRights', 'transfer', 'move', 'copy', 'raise', 'lower',
];

function opening(id: string, resourceId: string, value: string, receiver: string): EconomicEvent {
  return event(`https://pod.example/rea/events/${id}`, 'raise', {
    provider: receiver, receiver, resourceInventoriedAs: resourceId, resourceQuantity: qty(value),
    hasPointInTime: '2026-12-01T00:00:00Z',
  });
}

function total(result: InventoryResult, field: 'accountingQuantity' | 'onhandQuantity'): Decimal {
  return [R, T].reduce((sum, id) => sum.plus(stateOf(result, id)[field]?.value ?? 0), new Decimal(0));
}

describe('An InventoryCalculator under generated input', () => {
  it('conserves the total of R and T across a transfer.', () => {
    fc.assert(fc.property(amount, amount, amount, fc.constantFrom<ActionId>('transfer', 'move'),
      (inR, inT, moved, action) => {
        const events = [
          opening('open-r', R, inR, ALICE), opening('open-t', T, inT, BOB),
          event('https://pod.example/rea/events/x', action, {
            provider: ALICE, receiver: BOB, resourceInventoriedAs: R, toResourceInventoriedAs: T,
            resourceQuantity: qty(moved), hasPointInTime: '2026-12-02T00:00:00Z',
          }),
        ];
        const result = computeInventory(modelOf({ events }));
        const before = new Decimal(inR).plus(inT);
        assert.ok(total(result, 'accountingQuantity').equals(before));
        assert.ok(total(result, 'onhandQuantity').equals(before));
        assert.ok(stateOf(result, T).accountingQuantity?.value.equals(new Decimal(inT).plus(moved)));
      }));
  });

  it('returns to the earlier state when a correction negates an event.', () => {
    fc.assert(fc.property(amount, amount, fc.constantFrom(...QUANTITY_ACTIONS), fc.boolean(),
      (inR, q, action, twoAgents) => {
        const base = [opening('open-r', R, inR, ALICE), opening('open-t', T, '5', BOB)];
        const fields = {
          provider: ALICE, receiver: twoAgents ? BOB : ALICE, resourceInventoriedAs: R, toResourceInventoriedAs: T,
        };
        const original = event('https://pod.example/rea/events/x', action, {
          ...fields, resourceQuantity: qty(q), hasPointInTime: '2026-12-02T00:00:00Z',
        });
        const correction = event('https://pod.example/rea/events/x-fix', action, {
          ...fields, resourceQuantity: qty(new Decimal(q).negated().toFixed()), corrects: original.id,
          hasPointInTime: '2026-12-03T00:00:00Z',
        });
        const without = computeInventory(modelOf({ events: base }));
        const corrected = computeInventory(modelOf({ events: [...base, original, correction] }));
        for (const id of [R, T]) {
          for (const field of ['accountingQuantity', 'onhandQuantity'] as const) {
            const expected = stateOf(without, id)[field]?.value;
            const actual = stateOf(corrected, id)[field]?.value;
            assert.ok(expected !== undefined, `${action} ${id} ${field}: missing before the event`);
            assert.ok(actual !== undefined, `${action} ${id} ${field}: missing after the correction`);
            assert.equal(actual.toFixed(), expected.toFixed(), `${action} ${id} ${field}`);
          }
        }
        assert.deepEqual(corrected.problems, []);
      }));
  });
});
