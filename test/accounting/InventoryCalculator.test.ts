import { strict as assert } from 'node:assert';
import { computeInventory, InventoryCalculator } from '../../src/accounting/index.js';
import type { EconomicEvent } from '../../src/model/index.js';
import { event, modelOf, qty, resource, show, SOURCE, stateOf, UNIT } from './factories.js';

const ALICE = 'https://alice.example/profile/card#me';
const R = 'https://alice.example/rea/resources/flour';
const E = 'https://alice.example/rea/events/';

function raise(id: string, fields: Partial<EconomicEvent> = {}): EconomicEvent {
  return event(E + id, 'raise', { provider: ALICE, receiver: ALICE, resourceInventoriedAs: R, resourceQuantity: qty(10),
    ...fields });
}

function consume(id: string, fields: Partial<EconomicEvent> = {}): EconomicEvent {
  return event(E + id, 'consume', { provider: ALICE, receiver: ALICE, resourceInventoriedAs: R,
    resourceQuantity: qty(3), ...fields });
}

describe('An InventoryCalculator', () => {
  describe('ordering events', () => {
    it('applies a later point in time after an earlier one.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('a', { hasPointInTime: '2026-12-04T10:00:00Z', state: 'late' }),
        raise('b', { hasPointInTime: '2026-12-04T09:00:00Z', state: 'early' }),
      ] }));
      assert.equal(stateOf(result, R).state, 'late');
      assert.deepEqual(stateOf(result, R).events, [`${E}b`, `${E}a`]);
    });

    it('compares times with different offsets as instants.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('a', { hasPointInTime: '2026-12-04T10:00:00-05:00', state: 'fifteen UTC' }),
        raise('b', { hasPointInTime: '2026-12-04T14:00:00Z', state: 'fourteen UTC' }),
      ] }));
      assert.deepEqual(stateOf(result, R).events, [`${E}b`, `${E}a`]);
    });

    it('compares fractional seconds exactly.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('a', { hasPointInTime: '2026-12-04T10:00:00.5Z' }),
        raise('b', { hasPointInTime: '2026-12-04T10:00:00.25Z', created: '2026-12-04T11:00:00Z' }),
        raise('c', { hasPointInTime: '2026-12-04T10:00:00.250Z', created: '2026-12-04T10:30:00Z' }),
        raise('d', { hasPointInTime: '2026-12-04T10:00:00.1234567891Z' }),
      ] }));
      assert.deepEqual(stateOf(result, R).events, [`${E}d`, `${E}c`, `${E}b`, `${E}a`]);
    });

    it('uses hasPointInTime before hasEnd and hasEnd before hasBeginning.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('a', { hasPointInTime: '2026-12-04T12:00:00Z', hasBeginning: '2026-12-04T01:00:00Z' }),
        raise('b', { hasEnd: '2026-12-04T11:00:00Z', hasBeginning: '2026-12-04T13:00:00Z' }),
        raise('c', { hasBeginning: '2026-12-04T11:30:00Z' }),
      ] }));
      assert.deepEqual(stateOf(result, R).events, [`${E}b`, `${E}c`, `${E}a`]);
    });

    it('breaks a tie in event time by created.', () => {
      const at = '2026-12-04T10:00:00Z';
      const result = computeInventory(modelOf({ events: [
        raise('a', { hasPointInTime: at, created: '2026-12-04T18:00:00Z', state: 'second' }),
        raise('b', { hasPointInTime: at, created: '2026-12-04T17:00:00Z', state: 'first' }),
      ] }));
      assert.equal(stateOf(result, R).state, 'second');
      assert.deepEqual(stateOf(result, R).events, [`${E}b`, `${E}a`]);
    });

    it('breaks a tie in both times by IRI.', () => {
      const at = '2026-12-04T10:00:00Z';
      const result = computeInventory(modelOf({ events: [
        raise('z', { hasPointInTime: at, created: at, state: 'z' }),
        raise('m', { hasPointInTime: at, created: at, state: 'm' }),
      ] }));
      assert.equal(stateOf(result, R).state, 'z');
      assert.deepEqual(stateOf(result, R).events, [`${E}m`, `${E}z`]);
    });

    it('puts undated events before dated ones.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('a', { hasPointInTime: '1970-01-01T00:00:00Z', state: 'dated' }),
        raise('b', { state: 'undated' }),
      ] }));
      assert.equal(stateOf(result, R).state, 'dated');
      assert.deepEqual(stateOf(result, R).events, [`${E}b`, `${E}a`]);
    });

    it('reads a time without offset as UTC and reports it.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('a', { hasPointInTime: '2026-12-04T10:00:00', state: 'ten' }),
        raise('b', { hasPointInTime: '2026-12-04T09:30:00Z', state: 'half past nine' }),
      ] }));
      assert.equal(stateOf(result, R).state, 'ten');
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0]?.severity, 'warning');
      assert.match(result.problems[0]?.message ?? '', /\[2026-12-04T10:00:00\]; it was read as UTC/u);
    });

    it('sorts an unreadable time as undated and reports it as an error.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('a', { hasPointInTime: 'yesterday', state: 'unreadable' }),
        raise('b', { hasPointInTime: '2026-12-04T09:30:00Z', state: 'dated' }),
      ] }));
      assert.equal(stateOf(result, R).state, 'dated');
      assert.deepEqual(result.problems.map((found) => [found.severity, found.subject]), [['error', `${E}a`]]);
      assert.match(result.problems[0]?.message ?? '', /\[yesterday\]/u);
    });
  });

  describe('applying corrections', () => {
    it('cancels a consume with a correction of the negated quantity.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('open'), consume('c1'), consume('c1-fix', { corrects: `${E}c1`, resourceQuantity: qty(-3) }),
      ] }));
      assert.equal(show(stateOf(result, R).accountingQuantity), '10 one');
      assert.equal(show(stateOf(result, R).onhandQuantity), '10 one');
      assert.deepEqual(stateOf(result, R).events, [`${E}c1`, `${E}c1-fix`, `${E}open`]);
      assert.deepEqual(result.problems, []);
    });

    it('adds a partial correction as a signed delta.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('open', { hasPointInTime: '2026-12-01T00:00:00Z' }),
        consume('c1', { hasPointInTime: '2026-12-02T00:00:00Z' }),
        consume('c2', { hasPointInTime: '2026-12-03T00:00:00Z', corrects: `${E}c1`, resourceQuantity: qty(1.5) }),
      ] }));
      assert.equal(show(stateOf(result, R).onhandQuantity), '5.5 one');
    });

    it('applies the corrected action and reports a correction with another action.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('open'), consume('c1'), event(`${E}c1-fix`, 'lower', { resourceInventoriedAs: R,
          resourceQuantity: qty(-3), corrects: `${E}c1` }),
      ] }));
      assert.equal(show(stateOf(result, R).onhandQuantity), '10 one');
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0]?.severity, 'error');
      assert.equal(result.problems[0]?.subject, `${E}c1-fix`);
      assert.match(result.problems[0]?.message ?? '', /action \[lower\] .* action \[consume\]/u);
    });

    it('rejects a correction of an unknown event.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('open'), consume('fix', { corrects: `${E}missing`, resourceQuantity: qty(-3) }),
      ] }));
      assert.equal(show(stateOf(result, R).onhandQuantity), '10 one');
      assert.deepEqual(stateOf(result, R).events, [`${E}open`]);
      assert.equal(result.problems[0]?.severity, 'error');
      assert.match(result.problems[0]?.message ?? '', /\[https:\/\/alice\.example\/rea\/events\/missing\], which was not found/u);
    });

    it('takes R from the corrected event when the correction omits it.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('open'), consume('c1'),
        event(`${E}c1-fix`, 'consume', { resourceQuantity: qty(-3), corrects: `${E}c1` }),
      ] }));
      assert.equal(show(stateOf(result, R).onhandQuantity), '10 one');
    });
  });

  describe('checking quantities', () => {
    it('rejects a negative quantity on an event that corrects nothing.', () => {
      const result = computeInventory(modelOf({ events: [raise('open'), consume('bad', { resourceQuantity: qty(-2) })] }));
      assert.equal(show(stateOf(result, R).onhandQuantity), '10 one');
      assert.deepEqual(stateOf(result, R).events, [`${E}open`]);
      assert.deepEqual(result.problems.map((found) => [found.severity, found.subject, found.source]),
        [['error', `${E}bad`, SOURCE]]);
      assert.match(result.problems[0]?.message ?? '', /negative resourceQuantity \[-2 .*one\]/u);
    });

    it('reports an event in another unit and applies its other effects.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('open', { resourceQuantity: qty(10, UNIT.kilogram), hasPointInTime: '2026-12-01T00:00:00Z' }),
        consume('c1', { state: 'opened', hasPointInTime: '2026-12-02T00:00:00Z' }),
      ] }));
      assert.equal(show(stateOf(result, R).onhandQuantity), '10 kilogram');
      assert.equal(stateOf(result, R).state, 'opened');
      assert.deepEqual(result.problems.map((found) => [found.severity, found.subject, found.source]),
        [['error', `${E}c1`, SOURCE]]);
      assert.ok(result.problems[0]?.message.includes(`[${UNIT.one}]`));
      assert.ok(result.problems[0]?.message.includes(`[${UNIT.kilogram}]`));
    });

    it('moves nothing when T is counted in another unit than the transfer.', () => {
      const T = 'https://bob.example/rea/resources/flour';
      const result = computeInventory(modelOf({ events: [
        raise('open'), raise('open-t', { resourceInventoriedAs: T, resourceQuantity: qty(1, UNIT.kilogram) }),
        event(`${E}t1`, 'transfer', { provider: ALICE, receiver: 'https://bob.example/profile/card#me',
          resourceInventoriedAs: R, toResourceInventoriedAs: T, resourceQuantity: qty(4), hasPointInTime: '2026-12-05T00:00:00Z' }),
      ] }));
      assert.equal(show(stateOf(result, R).onhandQuantity), '10 one');
      assert.equal(show(stateOf(result, T).onhandQuantity), '1 kilogram');
      assert.equal(result.problems.length, 1);
    });

    it('reports an event that needs a resourceQuantity and has none.', () => {
      const result = computeInventory(modelOf({ events: [raise('open'), consume('c1', { resourceQuantity: undefined })] }));
      assert.equal(show(stateOf(result, R).onhandQuantity), '10 one');
      assert.equal(result.problems[0]?.severity, 'warning');
      assert.match(result.problems[0]?.message ?? '', /has no resourceQuantity/u);
    });
  });

  describe('reporting quantities below zero', () => {
    it('warns about a stock that ends below zero.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('open', { hasPointInTime: '2026-12-01T00:00:00Z' }),
        consume('c1', { hasPointInTime: '2026-12-02T00:00:00Z', resourceQuantity: qty(8) }),
        consume('c2', { hasPointInTime: '2026-12-03T00:00:00Z', resourceQuantity: qty(4) }),
        consume('c3', { hasPointInTime: '2026-12-04T00:00:00Z', resourceQuantity: qty(1) }),
      ] }));
      assert.deepEqual(result.problems.map((found) => [found.severity, found.subject, found.source]),
        [['warning', R, SOURCE], ['warning', R, SOURCE]]);
      assert.equal(result.problems[0]?.message, `Resource [${R}] ends with accountingQuantity [-3 ${UNIT.one}] ` +
        `below zero; event [${E}c2] took it below zero.`);
      assert.equal(result.problems[1]?.message, `Resource [${R}] ends with onhandQuantity [-3 ${UNIT.one}] ` +
        `below zero; event [${E}c2] took it below zero.`);
    });

    it('names only the onhand quantity when custody alone went below zero.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('open'), event(`${E}pick`, 'pickup', { provider: ALICE, receiver: ALICE, resourceInventoriedAs: R,
          resourceQuantity: qty(12) }),
      ] }));
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0]?.message ?? '', /onhandQuantity \[-2 .*one\] below zero; event \[.*\/pick\]/u);
    });

    it('reports nothing for a stock that returns to zero.', () => {
      const result = computeInventory(modelOf({ events: [
        raise('open', { hasPointInTime: '2026-12-01T00:00:00Z' }),
        consume('c1', { hasPointInTime: '2026-12-02T00:00:00Z', resourceQuantity: qty(10) }),
      ] }));
      assert.equal(show(stateOf(result, R).onhandQuantity), '0 one');
      assert.deepEqual(result.problems, []);
    });
  });

  describe('comparing resource documents', () => {
    it('warns when a stated quantity differs from the derived one.', () => {
      const result = computeInventory(modelOf({
        events: [raise('open'), consume('c1')],
        resources: [resource(R, { accountingQuantity: qty(8), onhandQuantity: qty(7), source: 'https://alice.example/r.ttl' })],
      }));
      assert.deepEqual(result.problems.map((found) => [found.severity, found.subject, found.source]),
        [['warning', R, 'https://alice.example/r.ttl']]);
      assert.ok(result.problems[0]?.message.includes(`[8 ${UNIT.one}]`));
      assert.ok(result.problems[0]?.message.includes(`[7 ${UNIT.one}]`));
      assert.equal(show(stateOf(result, R).accountingQuantity), '7 one');
    });

    it('keeps a resource named only by its document, with null quantities.', () => {
      const result = computeInventory(modelOf({ resources: [resource(R, { primaryAccountable: ALICE })] }));
      assert.deepEqual(result.resources, [{
        id: R, accountingQuantity: null, onhandQuantity: null, primaryAccountable: ALICE, custodian: ALICE,
        currentLocation: null, containedIn: null, stage: null, state: null, events: [],
      }]);
      assert.deepEqual(result.problems, []);
    });

    it('warns when a stated quantity has no event behind it.', () => {
      const result = computeInventory(modelOf({ resources: [resource(R, { onhandQuantity: qty(5) })] }));
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0]?.message ?? '', /states onhandQuantity \[5 .*\] but no event derives/u);
    });

    it('derives a state for a resource that has no document.', () => {
      const result = computeInventory(modelOf({ events: [raise('open')] }));
      assert.equal(result.resources.length, 1);
      assert.equal(show(stateOf(result, R).accountingQuantity), '10 one');
      assert.equal(stateOf(result, R).primaryAccountable, ALICE);
    });

    it('lists resources sorted by IRI.', () => {
      const result = new InventoryCalculator(modelOf({
        resources: [resource('https://c.example/r'), resource('https://a.example/r'), resource('https://b.example/r')],
      })).compute();
      assert.deepEqual(result.resources.map((state) => state.id),
        ['https://a.example/r', 'https://b.example/r', 'https://c.example/r']);
    });
  });
});
