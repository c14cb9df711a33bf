import { strict as assert } from 'node:assert';
import { computeContributions, ContributionCalculator } from '../../src/accounting/index.js';
import type { ContributionResult } from '../../src/accounting/index.js';
import { formatDecimal } from '../../src/model/index.js';
import type { EconomicEvent } from '../../src/model/index.js';
import { event, modelOf, process, qty, resource, specification, UNIT } from './factories.js';

const ALICE = 'https://alice.example/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';
const COOP = 'https://coop.example/profile/card#me';
const PROJECT = 'https://coop.example/projects/desk#it';
const P1 = 'https://coop.example/rea/processes/cut';
const P2 = 'https://coop.example/rea/processes/sand';
const USD = 'https://coop.example/rea/specs/usd';
const E = 'https://coop.example/rea/events/';

function contribution(id: string, action: EconomicEvent['action'], fields: Partial<EconomicEvent>): EconomicEvent {
  return event(E + id, action, { provider: ALICE, receiver: COOP, ...fields });
}

/**
 * Flattens a result to `agent kind unit [specification] quantity scope process [events]` strings
 * for exact comparison; the specification appears only on money and resource lines that have one.
 */
function linesOf(result: ContributionResult): string[] {
  return result.agents.flatMap((entry) => entry.lines.map((line) => [
    entry.agent, line.kind, line.unit, ...(line.specification === null ? [] : [line.specification]),
    formatDecimal(line.quantity), line.scope ?? '-', line.process ?? '-',
    `[${line.events.map((id) => id.replace(E, '')).join(' ')}]`,
  ].join(' ')));
}

function totalsOf(result: ContributionResult): string[] {
  return result.agents.flatMap((entry) => entry.totals.map((total) => [
    entry.agent, total.kind, total.unit, ...(total.specification === null ? [] : [total.specification]),
    formatDecimal(total.quantity),
    `[${total.events.map((id) => id.replace(E, '')).join(' ')}]`,
  ].join(' ')));
}

describe('A ContributionCalculator', () => {
  const processes = [process(P1, { inScopeOf: [PROJECT] }), process(P2)];

  it('sums work hours per process and scope and in total.', () => {
    const result = computeContributions(modelOf({ processes, events: [
      contribution('w1', 'work', { effortQuantity: qty('2.5', UNIT.hour), inputOf: P1 }),
      contribution('w2', 'work', { effortQuantity: qty('1.25', UNIT.hour), inputOf: P1 }),
      contribution('w3', 'work', { effortQuantity: qty(4, UNIT.hour), inputOf: P2 }),
    ] }));
    assert.deepEqual(linesOf(result), [
      `${ALICE} work ${UNIT.hour} 4 - ${P2} [w3]`,
      `${ALICE} work ${UNIT.hour} 3.75 ${PROJECT} ${P1} [w1 w2]`,
    ]);
    assert.deepEqual(totalsOf(result), [`${ALICE} work ${UNIT.hour} 7.75 [w1 w2 w3]`]);
    assert.deepEqual(result.problems, []);
  });

  it('classifies each contributing action by kind.', () => {
    const specifications = [specification(USD, { mediumOfExchange: true })];
    const result = computeContributions(modelOf({ processes, specifications,
      events: [
        contribution('c', 'consume', { resourceQuantity: qty(3), inputOf: P1 }),
        contribution('t', 'transfer', { resourceQuantity: qty(2) }),
        contribution('r', 'transferAllRights', { resourceQuantity: qty(1) }),
        contribution('m', 'transfer', { resourceQuantity: qty('10.50'), resourceConformsTo: USD }),
        contribution('u', 'use', { effortQuantity: qty('3.5', UNIT.hour), resourceQuantity: qty(1), inputOf: P1 }),
        contribution('ci', 'cite', { resourceQuantity: qty(1), inputOf: P1 }),
        contribution('s', 'deliverService', { resourceQuantity: qty(1), outputOf: P2 }),
        contribution('p', 'produce', { resourceQuantity: qty(9), outputOf: P1 }),
        contribution('k', 'transferCustody', { resourceQuantity: qty(9) }),
      ] }));
    assert.deepEqual(totalsOf(result), [
      `${ALICE} citation ${UNIT.one} 1 [ci]`,
      `${ALICE} equipmentUse ${UNIT.hour} 3.5 [u]`,
      `${ALICE} equipmentUse ${UNIT.one} 1 [u]`,
      `${ALICE} money ${UNIT.one} ${USD} 10.5 [m]`,
      `${ALICE} resource ${UNIT.one} 6 [c r t]`,
      `${ALICE} service ${UNIT.one} 1 [s]`,
    ]);
  });

  it('counts money by the conformsTo of the resource and by a currency unit.', () => {
    const account = 'https://alice.example/rea/resources/bank';
    const result = computeContributions(modelOf({
      specifications: [specification(USD, { mediumOfExchange: true })],
      resources: [resource(account, { conformsTo: USD })],
      events: [
        contribution('a', 'transfer', { resourceQuantity: qty(5), resourceInventoriedAs: account }),
        contribution('b', 'transfer', { resourceQuantity: qty(7, USD) }),
      ],
    }));
    assert.deepEqual(totalsOf(result), [`${ALICE} money ${UNIT.one} ${USD} 5 [a]`, `${ALICE} money ${USD} ${USD} 7 [b]`]);
  });

  it('never sums amounts of two currencies counted in the same unit.', () => {
    const eur = 'https://coop.example/rea/specs/eur';
    const result = computeContributions(modelOf({
      specifications: [specification(USD, { mediumOfExchange: true }), specification(eur, { mediumOfExchange: true })],
      events: [
        contribution('d', 'transfer', { resourceQuantity: qty(5), resourceConformsTo: USD }),
        contribution('e', 'transfer', { resourceQuantity: qty(7), resourceConformsTo: eur }),
      ],
    }));
    assert.deepEqual(totalsOf(result), [`${ALICE} money ${UNIT.one} ${eur} 7 [e]`, `${ALICE} money ${UNIT.one} ${USD} 5 [d]`]);
  });

  it('sums resources per resource specification.', () => {
    const boards = 'https://coop.example/rea/resources/oak-boards';
    const oakBoard = 'https://coop.example/rea/specs/oak-board';
    const stool = 'https://coop.example/rea/specs/stool';
    const result = computeContributions(modelOf({
      resources: [resource(boards, { conformsTo: oakBoard })],
      events: [
        contribution('b', 'transfer', { resourceQuantity: qty(13), resourceInventoriedAs: boards }),
        contribution('s', 'transfer', { resourceQuantity: qty(2), resourceConformsTo: stool }),
        contribution('n', 'transfer', { resourceQuantity: qty(1) }),
        contribution('b-fix', 'transfer', { resourceQuantity: qty(-1), corrects: `${E}b` }),
      ],
    }));
    assert.deepEqual(totalsOf(result), [
      `${ALICE} resource ${UNIT.one} 1 [n]`,
      `${ALICE} resource ${UNIT.one} ${oakBoard} 12 [b b-fix]`,
      `${ALICE} resource ${UNIT.one} ${stool} 2 [s]`,
    ]);
    assert.deepEqual(result.problems, []);
  });

  it('nets a correction into the line of the event it corrects.', () => {
    const result = computeContributions(modelOf({ processes, events: [
      contribution('w1', 'work', { effortQuantity: qty(7, UNIT.hour), inputOf: P1 }),
      contribution('w1-fix', 'work', { effortQuantity: qty(-1, UNIT.hour), corrects: `${E}w1` }),
    ] }));
    assert.deepEqual(linesOf(result), [`${ALICE} work ${UNIT.hour} 6 ${PROJECT} ${P1} [w1 w1-fix]`]);
    assert.deepEqual(result.problems, []);
  });

  it('leaves a zero line when a correction cancels its event.', () => {
    const result = computeContributions(modelOf({ events: [
      contribution('c', 'consume', { resourceQuantity: qty(3) }),
      contribution('c-fix', 'consume', { resourceQuantity: qty(-3), corrects: `${E}c` }),
    ] }));
    assert.deepEqual(totalsOf(result), [`${ALICE} resource ${UNIT.one} 0 [c c-fix]`]);
  });

  it('rejects a correction in another unit than the corrected event.', () => {
    const result = computeContributions(modelOf({ events: [
      contribution('w1', 'work', { effortQuantity: qty(7, UNIT.hour) }),
      contribution('w1-fix', 'work', { effortQuantity: qty(-60, UNIT.one), corrects: `${E}w1` }),
    ] }));
    assert.deepEqual(totalsOf(result), [`${ALICE} work ${UNIT.hour} 7 [w1]`]);
    assert.equal(result.problems[0]?.severity, 'error');
    assert.ok(result.problems[0]?.message.includes(`[${UNIT.one}]`));
    assert.ok(result.problems[0]?.message.includes(`[${UNIT.hour}]`));
  });

  it('rejects a negative quantity on an event that corrects nothing.', () => {
    const result = computeContributions(modelOf({ events: [
      contribution('w1', 'work', { effortQuantity: qty(-2, UNIT.hour) }),
    ] }));
    assert.deepEqual(result.agents, []);
    assert.equal(result.problems[0]?.severity, 'error');
  });

  it('uses the scope an event states itself when its process has none.', () => {
    const result = computeContributions(modelOf({ processes, events: [
      contribution('w1', 'work', { effortQuantity: qty(1, UNIT.hour), inputOf: P2, inScopeOf: [COOP] }),
      contribution('w2', 'work', { effortQuantity: qty(1, UNIT.hour), inScopeOf: [COOP] }),
    ] }));
    assert.deepEqual(linesOf(result), [
      `${ALICE} work ${UNIT.hour} 1 ${COOP} - [w2]`,
      `${ALICE} work ${UNIT.hour} 1 ${COOP} ${P2} [w1]`,
    ]);
  });

  it('reports an event in several scopes.', () => {
    const result = computeContributions(modelOf({ events: [
      contribution('w1', 'work', { effortQuantity: qty(1, UNIT.hour), inScopeOf: [PROJECT, COOP] }),
    ] }));
    assert.deepEqual(linesOf(result), [`${ALICE} work ${UNIT.hour} 1 ${COOP} - [w1]`]);
    assert.equal(result.problems[0]?.severity, 'warning');
  });

  it('reports a contribution without a provider.', () => {
    const result = computeContributions(modelOf({ events: [
      event(`${E}w1`, 'work', { effortQuantity: qty(1, UNIT.hour) }),
    ] }));
    assert.deepEqual(result.agents, []);
    assert.match(result.problems[0]?.message ?? '', /has no provider/u);
  });

  it('reports a work event without an effort quantity.', () => {
    const result = computeContributions(modelOf({ events: [
      contribution('w1', 'work', { resourceQuantity: qty(2) }),
    ] }));
    assert.deepEqual(result.agents, []);
    assert.match(result.problems[0]?.message ?? '', /has no effortQuantity/u);
  });

  it('sorts agents by IRI and lines by kind, unit, scope and process.', () => {
    const result = new ContributionCalculator(modelOf({ processes, events: [
      contribution('b', 'work', { provider: BOB, effortQuantity: qty(1, UNIT.hour), inputOf: P1 }),
      contribution('a2', 'cite', { resourceQuantity: qty(1), inputOf: P2 }),
      contribution('a1', 'cite', { resourceQuantity: qty(1), inputOf: P1 }),
      contribution('a0', 'cite', { resourceQuantity: qty(1) }),
    ] })).compute();
    assert.deepEqual(result.agents.map((entry) => entry.agent), [ALICE, BOB]);
    assert.deepEqual(linesOf(result), [
      `${ALICE} citation ${UNIT.one} 1 - - [a0]`,
      `${ALICE} citation ${UNIT.one} 1 - ${P2} [a2]`,
      `${ALICE} citation ${UNIT.one} 1 ${PROJECT} ${P1} [a1]`,
      `${BOB} work ${UNIT.hour} 1 ${PROJECT} ${P1} [b]`,
    ]);
  });
});

describe('A ContributionCalculator and claims', () => {
  it('counts no contribution for a transfer that settles a claim.', () => {
    const payout = event('https://net.test/runs/1#payout', 'transfer', {
      provider: 'https://net.test/#me', receiver: 'https://ada.test/#me', resourceQuantity: qty('90'),
      settles: ['https://net.test/runs/1#claim'],
    });
    assert.deepEqual(computeContributions(modelOf({ events: [payout] })).agents, []);
  });
});
