import { strict as assert } from 'node:assert';
import { computeContributions, computeInventory } from '../../src/accounting/index.js';
import type { ResourceState } from '../../src/accounting/index.js';
import { formatDecimal } from '../../src/model/index.js';
import type { EconomicModel } from '../../src/model/index.js';
import { event, modelOf, process, qty, resource, show, specification, UNIT } from './factories.js';

/*
 * A workshop makes a desk (with a recording error corrected afterwards), and a farmer sells
 * apples that a carrier brings to the buyer in two hops, paid in dollars. The shapes follow the
 * upstream VF examples "manufacturing", "correcting errors" and "transportation with transfer";
 * the data is our own, with opening balances recorded as raise events.
 */
const MFG = 'https://mfg.example/profile/card#me';
const ALICE = 'https://alice.example/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';
const CLAUDIA = 'https://claudia.example/profile/card#me';
const MAKERS = 'https://makers.example/profile/card#me';
const LAB = 'https://lab.example/profile/card#me';

const DESK = 'https://mfg.example/rea/resources/desks';
const PLYWOOD = 'https://mfg.example/rea/resources/plywood';
const DESIGN = 'https://mfg.example/rea/resources/desk-design';
const CNC = 'https://mfg.example/rea/resources/cnc';
const APPLES = 'https://alice.example/rea/resources/apples';
const LADING = 'https://claudia.example/rea/resources/bill-of-lading';
const BOB_APPLES = 'https://bob.example/rea/resources/apples';
const ALICE_BANK = 'https://alice.example/rea/resources/bank';
const CLAUDIA_BANK = 'https://claudia.example/rea/resources/bank';

const MAKE_DESK = 'https://mfg.example/rea/processes/make-desk';
const HAUL_1 = 'https://claudia.example/rea/processes/haul-to-hub';
const HAUL_2 = 'https://claudia.example/rea/processes/haul-to-bob';
const DESK_SPEC = 'https://mfg.example/rea/specs/make-lean-desk';
const TRANSPORT = 'https://claudia.example/rea/specs/transport';
const USD = 'https://network.example/specs/usd';

const WORKSHOP = 'https://places.example/workshop';
const FARM = 'https://places.example/farm';
const HUB = 'https://places.example/hub';
const BOB_SHOP = 'https://places.example/bob-shop';

const M = 'https://mfg.example/rea/events/';
const C = 'https://claudia.example/rea/events/';

function manufacturing(): Parameters<typeof modelOf>[0] {
  const opening = (id: string, target: string, value: number, receiver = MFG) => event(M + id, 'raise', {
    provider: receiver, receiver, resourceInventoriedAs: target, resourceQuantity: qty(value),
    hasPointInTime: '2019-04-01T09:00:00-05:00',
  });
  const input = { inputOf: MAKE_DESK, provider: MFG, receiver: MFG };
  return {
    processes: [process(MAKE_DESK, { basedOn: DESK_SPEC, inScopeOf: [LAB] })],
    resources: [
      resource(DESK, { accountingQuantity: qty(9) }),
      resource(PLYWOOD, { accountingQuantity: qty(127), source: 'https://mfg.example/rea/resources/plywood.ttl' }),
    ],
    events: [
      opening('open-desk', DESK, 8), opening('open-plywood', PLYWOOD, 130),
      opening('open-design', DESIGN, 1), opening('open-cnc', CNC, 1),
      event(`${M}consume-1`, 'consume', { ...input, resourceInventoriedAs: PLYWOOD, resourceQuantity: qty(3),
        hasPointInTime: '2019-04-08T10:00:00-05:00', created: '2019-04-08T18:00:00-05:00' }),
      event(`${M}consume-1-undo`, 'consume', { ...input, resourceInventoriedAs: PLYWOOD, resourceQuantity: qty(-3),
        corrects: `${M}consume-1`, hasPointInTime: '2019-04-08T18:00:00-05:00', created: '2019-04-08T18:00:00-05:00' }),
      event(`${M}consume-2`, 'consume', { ...input, resourceInventoriedAs: PLYWOOD, resourceQuantity: qty(5),
        hasPointInTime: '2019-04-08T10:00:00-05:00', created: '2019-04-08T18:01:00-05:00' }),
      event(`${M}use-cnc`, 'use', { ...input, resourceInventoriedAs: CNC, effortQuantity: qty('3.5', UNIT.hour),
        hasPointInTime: '2019-04-08T12:00:00-05:00' }),
      event(`${M}cite-design`, 'cite', { ...input, provider: MAKERS, resourceInventoriedAs: DESIGN,
        resourceQuantity: qty(1), hasPointInTime: '2019-04-08T10:00:00-05:00' }),
      event(`${M}work`, 'work', { ...input, provider: ALICE, effortQuantity: qty(7, UNIT.hour),
        hasBeginning: '2019-04-08T10:30:00-05:00', hasEnd: '2019-04-08T16:30:00-05:00' }),
      event(`${M}work-fix`, 'work', { ...input, provider: ALICE, effortQuantity: qty(-1, UNIT.hour),
        corrects: `${M}work`, hasEnd: '2019-04-08T16:30:00-05:00', created: '2019-04-08T18:00:00-05:00' }),
      event(`${M}produce`, 'produce', { outputOf: MAKE_DESK, provider: MFG, receiver: MFG, resourceInventoriedAs: DESK,
        resourceQuantity: qty(1), toLocation: WORKSHOP, hasPointInTime: '2019-04-08T17:30:00-05:00' }),
    ],
  };
}

function transportation(): Parameters<typeof modelOf>[0] {
  const kg = (value: number) => qty(value, UNIT.kilogram);
  const at = (hour: string) => `2018-10-11T${hour}:00Z`;
  return {
    processes: [process(HAUL_1, { basedOn: TRANSPORT }), process(HAUL_2, { basedOn: TRANSPORT })],
    specifications: [specification(USD, { mediumOfExchange: true })],
    resources: [
      resource(APPLES, { currentLocation: FARM, accountingQuantity: kg(200), onhandQuantity: kg(200) }),
      resource(BOB_APPLES, { accountingQuantity: kg(30), onhandQuantity: kg(30) }),
      resource(LADING, { onhandQuantity: kg(0) }),
    ],
    events: [
      event(`${C}open-apples`, 'raise', { provider: ALICE, receiver: ALICE, resourceInventoriedAs: APPLES,
        resourceQuantity: kg(230), hasPointInTime: at('06') }),
      event(`${C}open-bank`, 'raise', { provider: ALICE, receiver: ALICE, resourceInventoriedAs: ALICE_BANK,
        resourceQuantity: qty(100), resourceConformsTo: USD, hasPointInTime: at('06') }),
      event(`${C}pickup-farm`, 'pickup', { inputOf: HAUL_1, provider: ALICE, receiver: CLAUDIA,
        resourceInventoriedAs: APPLES, toResourceInventoriedAs: LADING, resourceQuantity: kg(30), toLocation: FARM,
        hasPointInTime: at('08') }),
      event(`${C}dropoff-hub`, 'dropoff', { outputOf: HAUL_1, provider: CLAUDIA, receiver: CLAUDIA,
        resourceInventoriedAs: LADING, resourceQuantity: kg(30), toLocation: HUB, hasPointInTime: at('10') }),
      event(`${C}pickup-hub`, 'pickup', { inputOf: HAUL_2, provider: CLAUDIA, receiver: CLAUDIA,
        resourceInventoriedAs: LADING, resourceQuantity: kg(30), toLocation: HUB, hasPointInTime: at('12') }),
      event(`${C}dropoff-bob`, 'dropoff', { outputOf: HAUL_2, provider: CLAUDIA, receiver: BOB,
        resourceInventoriedAs: LADING, toResourceInventoriedAs: BOB_APPLES, resourceQuantity: kg(30),
        toLocation: BOB_SHOP, hasPointInTime: at('14') }),
      event(`${C}deliver`, 'deliverService', { outputOf: HAUL_2, provider: CLAUDIA, receiver: ALICE,
        resourceQuantity: qty(1), hasPointInTime: at('14') }),
      event(`${C}sell`, 'transferAllRights', { provider: ALICE, receiver: BOB, resourceInventoriedAs: APPLES,
        toResourceInventoriedAs: BOB_APPLES, resourceQuantity: kg(30), hasPointInTime: at('15') }),
      event(`${C}pay`, 'transfer', { provider: ALICE, receiver: CLAUDIA, resourceConformsTo: USD,
        resourceInventoriedAs: ALICE_BANK, toResourceInventoriedAs: CLAUDIA_BANK, resourceQuantity: qty(10),
        hasPointInTime: at('16') }),
    ],
  };
}

function scenario(): EconomicModel {
  const parts = [manufacturing(), transportation()];
  return modelOf({
    events: parts.flatMap((part) => part.events ?? []),
    resources: parts.flatMap((part) => part.resources ?? []),
    processes: parts.flatMap((part) => part.processes ?? []),
    specifications: parts.flatMap((part) => part.specifications ?? []),
  });
}

/** Converts a resource state's quantities to text, for exact whole-object comparison. */
function readable(state: ResourceState): Record<string, unknown> {
  return { ...state, accountingQuantity: show(state.accountingQuantity), onhandQuantity: show(state.onhandQuantity) };
}

function expected(id: string, accounting: string, onhand: string, accountable: string | null, custodian: string,
  rest: Partial<ResourceState> & { events: string[] }): Record<string, unknown> {
  return {
    id, accountingQuantity: accounting, onhandQuantity: onhand, primaryAccountable: accountable, custodian,
    currentLocation: null, containedIn: null, stage: null, state: null, ...rest,
  };
}

describe('The accounting of a manufacturing and transport scenario', () => {
  const model = scenario();

  it('derives every inventory exactly.', () => {
    const result = computeInventory(model);
    assert.deepEqual(result.resources.map(readable), [
      expected(APPLES, '200 kilogram', '200 kilogram', ALICE, ALICE, {
        currentLocation: FARM, events: [`${C}open-apples`, `${C}pickup-farm`, `${C}sell`] }),
      expected(ALICE_BANK, '90 one', '90 one', ALICE, ALICE, { events: [`${C}open-bank`, `${C}pay`] }),
      expected(BOB_APPLES, '30 kilogram', '30 kilogram', BOB, BOB, {
        currentLocation: BOB_SHOP, events: [`${C}dropoff-bob`, `${C}sell`] }),
      expected(CLAUDIA_BANK, '10 one', '10 one', CLAUDIA, CLAUDIA, { events: [`${C}pay`] }),
      expected(LADING, '0 kilogram', '0 kilogram', null, CLAUDIA, {
        currentLocation: BOB_SHOP, stage: TRANSPORT,
        events: [`${C}pickup-farm`, `${C}dropoff-hub`, `${C}pickup-hub`, `${C}dropoff-bob`] }),
      expected(CNC, '1 one', '1 one', MFG, MFG, { events: [`${M}open-cnc`, `${M}use-cnc`] }),
      expected(DESIGN, '1 one', '1 one', MFG, MFG, { events: [`${M}open-design`, `${M}cite-design`] }),
      expected(DESK, '9 one', '9 one', MFG, MFG, {
        stage: DESK_SPEC, events: [`${M}open-desk`, `${M}produce`] }),
      expected(PLYWOOD, '125 one', '125 one', MFG, MFG, {
        events: [`${M}open-plywood`, `${M}consume-1`, `${M}consume-2`, `${M}consume-1-undo`] }),
    ]);
  });

  it('reports only the plywood figure stated before the correction.', () => {
    const result = computeInventory(model);
    assert.deepEqual(result.problems.map((found) => [found.severity, found.subject, found.source]),
      [['warning', PLYWOOD, 'https://mfg.example/rea/resources/plywood.ttl']]);
    assert.ok(result.problems[0]?.message.includes(`[127 ${UNIT.one}]`));
    assert.ok(result.problems[0]?.message.includes(`[125 ${UNIT.one}]`));
  });

  it('credits each contribution exactly.', () => {
    const result = computeContributions(model);
    const lines = result.agents.flatMap((entry) => entry.lines.map((line) => [
      entry.agent, line.kind, formatDecimal(line.quantity), line.unit, line.scope, line.process, line.events,
    ]));
    assert.deepEqual(lines, [
      [ALICE, 'money', '10', UNIT.one, null, null, [`${C}pay`]],
      [ALICE, 'resource', '30', UNIT.kilogram, null, null, [`${C}sell`]],
      [ALICE, 'work', '6', UNIT.hour, LAB, MAKE_DESK, [`${M}work`, `${M}work-fix`]],
      [CLAUDIA, 'service', '1', UNIT.one, null, HAUL_2, [`${C}deliver`]],
      [MAKERS, 'citation', '1', UNIT.one, LAB, MAKE_DESK, [`${M}cite-design`]],
      [MFG, 'equipmentUse', '3.5', UNIT.hour, LAB, MAKE_DESK, [`${M}use-cnc`]],
      [MFG, 'resource', '5', UNIT.one, LAB, MAKE_DESK, [`${M}consume-1`, `${M}consume-2`, `${M}consume-1-undo`]],
    ]);
    assert.deepEqual(result.problems, []);
  });
});
