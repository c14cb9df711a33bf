import { strict as assert } from 'node:assert';
import { computeContributions, computeInventory } from '../../src/accounting/index.js';
import type { EconomicEvent } from '../../src/model/index.js';
import { event, modelOf, qty, show, stateOf, UNIT } from './factories.js';

const ALICE = 'https://alice.example/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';
const R = 'https://alice.example/rea/resources/flour';
const OTHER = 'https://alice.example/rea/resources/sugar';
const E = 'https://alice.example/rea/events/';

function raise(id: string, fields: Partial<EconomicEvent> = {}): EconomicEvent {
  return event(E + id, 'raise', { provider: ALICE, receiver: ALICE, resourceInventoriedAs: R, resourceQuantity: qty(100),
    ...fields });
}

function errorsOf(problems: { severity: string; subject: string | null }[]): [string, string | null][] {
  return problems.map((found) => [found.severity, found.subject]);
}

describe('An InventoryCalculator checking corrections', () => {
  it('rejects two events that correct each other.', () => {
    const result = computeInventory(modelOf({ events: [
      raise('open'),
      raise('a', { corrects: `${E}b`, resourceQuantity: qty(2) }),
      raise('b', { corrects: `${E}a`, resourceQuantity: qty(1) }),
    ] }));
    assert.equal(show(stateOf(result, R).accountingQuantity), '100 one');
    assert.deepEqual(errorsOf(result.problems), [['error', `${E}a`], ['error', `${E}b`]]);
    assert.match(result.problems[0]?.message ?? '', /correction cycle \[.*\/a -> .*\/b -> .*\/a\]/u);
  });

  it('rejects a correction cycle of three events.', () => {
    const result = computeInventory(modelOf({ events: [
      raise('open'),
      raise('a', { corrects: `${E}b`, resourceQuantity: qty(1) }),
      raise('b', { corrects: `${E}c`, resourceQuantity: qty(1) }),
      raise('c', { corrects: `${E}a`, resourceQuantity: qty(1) }),
    ] }));
    assert.equal(show(stateOf(result, R).accountingQuantity), '100 one');
    assert.deepEqual(errorsOf(result.problems), [['error', `${E}a`], ['error', `${E}b`], ['error', `${E}c`]]);
  });

  it('rejects an event that corrects itself.', () => {
    const result = computeInventory(modelOf({ events: [
      raise('open'), raise('self', { corrects: `${E}self`, resourceQuantity: qty(7) }),
    ] }));
    assert.equal(show(stateOf(result, R).accountingQuantity), '100 one');
    assert.deepEqual(errorsOf(result.problems), [['error', `${E}self`]]);
    assert.match(result.problems[0]?.message ?? '', /corrects itself/u);
  });

  it('rejects a correction of a correction.', () => {
    const result = computeInventory(modelOf({ events: [
      raise('open'),
      raise('fix', { corrects: `${E}open`, resourceQuantity: qty(-10) }),
      raise('fix-of-fix', { corrects: `${E}fix`, resourceQuantity: qty(4) }),
    ] }));
    assert.equal(show(stateOf(result, R).accountingQuantity), '90 one');
    assert.deepEqual(errorsOf(result.problems), [['error', `${E}fix-of-fix`]]);
    assert.match(result.problems[0]?.message ?? '', /itself a correction of \[.*\/open\]/u);
  });

  it('rejects a correction on another resource.', () => {
    const result = computeInventory(modelOf({ events: [
      raise('open'),
      raise('sugar', { resourceInventoriedAs: OTHER, resourceQuantity: qty(5) }),
      raise('fix', { corrects: `${E}open`, resourceInventoriedAs: OTHER, resourceQuantity: qty(-3) }),
    ] }));
    assert.equal(show(stateOf(result, R).accountingQuantity), '100 one');
    assert.equal(show(stateOf(result, OTHER).accountingQuantity), '5 one');
    assert.deepEqual(errorsOf(result.problems), [['error', `${E}fix`]]);
    assert.match(result.problems[0]?.message ?? '', /resourceInventoriedAs \[.*sugar\] .* resourceInventoriedAs \[.*flour\]/u);
  });

  it('rejects a correction with another T, provider or receiver.', () => {
    const transfer = event(`${E}give`, 'transfer', { provider: ALICE, receiver: BOB, resourceInventoriedAs: R,
      toResourceInventoriedAs: OTHER, resourceQuantity: qty(10) });
    const fixes = [
      { toResourceInventoriedAs: 'https://bob.example/rea/resources/flour' },
      { provider: BOB },
      { receiver: ALICE },
    ];
    for (const fields of fixes) {
      const fix = event(`${E}fix`, 'transfer', { corrects: `${E}give`, resourceQuantity: qty(-4), ...fields });
      const result = computeInventory(modelOf({ events: [raise('open'), transfer, fix] }));
      assert.equal(show(stateOf(result, R).accountingQuantity), '90 one', Object.keys(fields)[0]);
      assert.equal(show(stateOf(result, OTHER).accountingQuantity), '10 one', Object.keys(fields)[0]);
      assert.deepEqual(errorsOf(result.problems), [['error', `${E}fix`]], Object.keys(fields)[0]);
    }
  });
});

describe('A ContributionCalculator checking corrections', () => {
  it('adds no correction that corrects itself or another provider.', () => {
    const work = event(`${E}work`, 'work', { provider: ALICE, receiver: BOB, effortQuantity: qty(5, UNIT.hour) });
    const result = computeContributions(modelOf({ events: [
      work,
      event(`${E}self`, 'work', { provider: ALICE, corrects: `${E}self`, effortQuantity: qty(7, UNIT.hour) }),
      event(`${E}fix`, 'work', { provider: BOB, corrects: `${E}work`, effortQuantity: qty(2, UNIT.hour) }),
    ] }));
    const totals = result.agents.map((entry) => [entry.agent, entry.totals.map((total) => total.quantity.toString())]);
    assert.deepEqual(totals, [[ALICE, ['5']]]);
    assert.deepEqual(errorsOf(result.problems), [['error', `${E}fix`], ['error', `${E}self`]]);
  });
});
