import assert from 'node:assert/strict';
import type { InventoryJson, QuantityJson } from '../../src/report/index.js';
import { fixturePath, runCli } from './runCli.js';

const KILOGRAM = 'http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram';
const ALICE = 'https://alice.example/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';

function kilograms(value: string): QuantityJson {
  return { value, unit: KILOGRAM };
}

/*
 * Worked out by hand from bakery.ttl and the VF action table: flour is raised by 1e2 kg,
 * consumed by 2.50 kg and corrected by -0.50 kg (100 - 2.5 + 0.5 = 98). Bread is produced as
 * 0.5 kg at the bakery in a process based on the baking specification, and 0.25 kg of it is
 * transferred to Bob's new record at the shop. Rye is only lowered by 3.25 kg, so both its
 * quantities end below zero and are reported. The flour record
 * states its location and container, and a quantity that agrees, so nothing is reported. The
 * oven has a document but no events, so it has no quantities and its custodian is its
 * accountable agent.
 */
const BAKERY_RESOURCES: InventoryJson['resources'] = [
    {
      id: 'https://alice.example/rea/resources/bread',
      accountingQuantity: kilograms('0.25'),
      onhandQuantity: kilograms('0.25'),
      primaryAccountable: ALICE,
      custodian: ALICE,
      currentLocation: 'https://places.example/bakery',
      containedIn: null,
      stage: 'https://alice.example/rea/specs/baking',
    },
    {
      id: 'https://alice.example/rea/resources/flour',
      accountingQuantity: kilograms('98'),
      onhandQuantity: kilograms('98'),
      primaryAccountable: ALICE,
      custodian: ALICE,
      currentLocation: 'https://places.example/mill',
      containedIn: 'https://places.example/silo',
      stage: null,
    },
    {
      id: 'https://alice.example/rea/resources/oven',
      accountingQuantity: null,
      onhandQuantity: null,
      primaryAccountable: ALICE,
      custodian: ALICE,
      currentLocation: 'https://places.example/bakery',
      containedIn: null,
      stage: null,
    },
    {
      id: 'https://alice.example/rea/resources/rye',
      accountingQuantity: kilograms('-3.25'),
      onhandQuantity: kilograms('-3.25'),
      primaryAccountable: ALICE,
      custodian: ALICE,
      currentLocation: null,
      containedIn: null,
      stage: null,
    },
    {
      id: 'https://bob.example/rea/resources/bread',
      accountingQuantity: kilograms('0.25'),
      onhandQuantity: kilograms('0.25'),
      primaryAccountable: BOB,
      custodian: BOB,
      currentLocation: 'https://places.example/shop',
      containedIn: null,
      stage: null,
    },
];

/** The bakery inventory read from `source`: its resources and the two below-zero warnings of rye. */
function bakeryInventory(source: string): InventoryJson {
  const rye = 'https://alice.example/rea/resources/rye';
  const belowZero = (field: string): InventoryJson['problems'][number] => ({
    severity: 'warning',
    message: `Resource [${rye}] ends with ${field} [-3.25 http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram] `
      + 'below zero; event [https://alice.example/rea/events/e6] took it below zero.',
    subject: rye,
    source,
  });
  return { resources: BAKERY_RESOURCES, problems: [belowZero('accountingQuantity'), belowZero('onhandQuantity')] };
}

async function inventoryJson(...files: string[]): Promise<InventoryJson> {
  const run = await runCli('inventory', '--json', ...files);
  assert.equal(run.stderr, '');
  assert.equal(run.exitCode, 0);
  return JSON.parse(run.stdout) as InventoryJson;
}

describe('The oce inventory command', () => {
  describe('with --json', () => {
    it('prints the whole inventory of a Turtle file.', async () => {
      assert.deepEqual(await inventoryJson(fixturePath('bakery.ttl')), bakeryInventory(fixturePath('bakery.ttl')));
    });

    it('prints the same inventory for JSON-LD.', async () => {
      assert.deepEqual(await inventoryJson(fixturePath('bakery.jsonld')), bakeryInventory(fixturePath('bakery.jsonld')));
    });

    it('prints the same inventory for YAML-LD.', async () => {
      assert.deepEqual(await inventoryJson(fixturePath('bakery.yaml')), bakeryInventory(fixturePath('bakery.yaml')));
    });

    it('reports unit, stated-quantity and namespace problems.', async () => {
      const path = fixturePath('problems.ttl');
      const run = await runCli('inventory', '--json', path);
      assert.equal(run.exitCode, 0);
      const inventory = JSON.parse(run.stdout) as InventoryJson;
      const found = inventory.problems.map(({ severity, subject, source }) => ({ severity, subject, source }));
      assert.deepEqual(found, [
        { severity: 'warning', subject: null, source: path },
        { severity: 'error', subject: 'https://coop.example/consume-seed', source: path },
        { severity: 'warning', subject: 'https://coop.example/seed', source: path },
      ]);
    });

    it('names the legacy namespace it normalized.', async () => {
      const inventory = await inventoryJson(fixturePath('problems.ttl'));
      assert.equal(inventory.problems[0]?.message, 'Normalized 1 terms from the legacy namespace ' +
        '[https://w3id.org/valueflows#] to [https://w3id.org/valueflows/ont/vf#]');
    });

    it('names both units of a unit mismatch.', async () => {
      const inventory = await inventoryJson(fixturePath('problems.ttl'));
      assert.equal(inventory.problems[1]?.message, 'Event [https://coop.example/consume-seed] is in unit ' +
        '[http://www.ontology-of-units-of-measure.org/resource/om-2/litre] but resource [https://coop.example/seed] ' +
        `is counted in unit [${KILOGRAM}]; the event's quantity was not applied.`);
    });

    it('names the stated and the derived quantity.', async () => {
      const inventory = await inventoryJson(fixturePath('problems.ttl'));
      assert.equal(inventory.problems[2]?.message, 'Resource [https://coop.example/seed] states accountingQuantity ' +
        `[10 ${KILOGRAM}] but its events derive [5 ${KILOGRAM}].`);
    });

    it('skips the mismatched event but keeps the resource.', async () => {
      const inventory = await inventoryJson(fixturePath('problems.ttl'));
      assert.deepEqual(inventory.resources, [{
        id: 'https://coop.example/seed',
        accountingQuantity: kilograms('5'),
        onhandQuantity: kilograms('5'),
        primaryAccountable: 'https://coop.example/alice',
        custodian: 'https://coop.example/alice',
        currentLocation: null,
        containedIn: null,
        stage: null,
      }]);
    });

    it('reads an event and its resource from two files.', async () => {
      const inventory = await inventoryJson(fixturePath('seed.ttl'), fixturePath('seed-record.ttl'));
      assert.deepEqual(inventory, {
        resources: [{
          id: 'https://coop.example/seed',
          accountingQuantity: kilograms('5'),
          onhandQuantity: kilograms('5'),
          primaryAccountable: 'https://coop.example/alice',
          custodian: 'https://coop.example/alice',
          currentLocation: 'https://coop.example/barn',
          containedIn: null,
          stage: null,
        }],
        problems: [],
      });
    });
  });

  describe('without --json', () => {
    it('prints a table with one row per resource.', async () => {
      const run = await runCli('inventory', fixturePath('seed.ttl'));
      assert.equal(run.exitCode, 0);
      assert.deepEqual(run.stdout.split('\n'), [
        'resource                   accounting      on hand         accountable                 ' +
          'custodian                   location  container  stage',
        '-------------------------  --------------  --------------  --------------------------  ' +
          '--------------------------  --------  ---------  -----',
        'https://coop.example/seed  5 om2:kilogram  5 om2:kilogram  https://coop.example/alice  ' +
          'https://coop.example/alice  -         -          -',
      ]);
    });

    it('lists the problems after the table, errors first.', async () => {
      const path = fixturePath('problems.ttl');
      const run = await runCli('inventory', path);
      const lines = run.stdout.split('\n').slice(4);
      assert.equal(lines.length, 3);
      assert.match(lines[0] ?? '', /^error: Event \[https:\/\/coop\.example\/consume-seed\] is in unit /u);
      assert.ok(lines[0]?.endsWith(`(${path} https://coop.example/consume-seed)`));
      assert.match(lines[1] ?? '', /^warning: Normalized 1 terms from the legacy namespace /u);
      assert.match(lines[2] ?? '', /^warning: Resource \[https:\/\/coop\.example\/seed\] states accountingQuantity /u);
    });
  });
});
