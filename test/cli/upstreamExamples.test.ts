import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { InventoryJson, ResourceJson } from '../../src/report/index.js';
import { referencePath } from '../support/referenceData.js';
import { runCli } from './runCli.js';

// The upstream ValueFlows examples sit beside the repository, where CI has them too. They are
// real-world input that the project does not ship.
const EXAMPLES = referencePath('examples', 'current-extracted');
const ONE = 'http://www.ontology-of-units-of-measure.org/resource/om-2/one';
const KILOGRAM = 'http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram';

/** The figures of one resource that these tests compare: quantities, their unit and the custodian. */
interface ResourceFigures {
  id: string;
  accounting: string | null;
  onhand: string | null;
  unit: string | null;
  custodian: string | null;
}

function figuresOf(resource: ResourceJson): ResourceFigures {
  return {
    id: resource.id,
    accounting: resource.accountingQuantity?.value ?? null,
    onhand: resource.onhandQuantity?.value ?? null,
    unit: resource.accountingQuantity?.unit ?? null,
    custodian: resource.custodian,
  };
}

async function inventoryOf(file: string): Promise<ResourceFigures[]> {
  const run = await runCli('inventory', '--json', join(EXAMPLES, file));
  assert.equal(run.stderr, '');
  assert.equal(run.exitCode, 0);
  return (JSON.parse(run.stdout) as InventoryJson).resources.map(figuresOf);
}

{
  /*
   * Expected figures are worked out by hand from the VF action table. A resource document's
   * stated quantity is never an opening balance, and these examples record no raise, so each
   * quantity is the net change of the example's events alone.
   */
  describe('The oce inventory command on upstream examples', () => {
    /*
     * Consume 3 plywood sheets and produce 1 desk, within one agent. The use of the CNC machine
     * (effort only) and the citation of the design change no quantity, so both records have none.
     */
    it('derives the manufacturing example.', async () => {
      const mfg = 'https://manufacturing.example/';
      assert.deepEqual(await inventoryOf('ex-production--01--manufacturing.yaml'), [
        { id: `${mfg}3129ca8b-fcda-45be-bbda-294dc924d3b9`, accounting: '-3', onhand: '-3', unit: ONE, custodian: null },
        { id: `${mfg}52f0e212-3c4f-4d27-b345-5e964c135824`, accounting: null, onhand: null, unit: null, custodian: null },
        { id: `${mfg}6b97b1be-8e07-44ac-82e5-214f1b2aaf33`, accounting: null, onhand: null, unit: null, custodian: null },
        { id: `${mfg}e1721a61-cd47-4556-84b9-8b1b81da15bf`, accounting: '1', onhand: '1', unit: ONE, custodian: mfg },
      ]);
    });

    /*
     * Alice's apples: the pickup by Claudia implies a custody transfer of 30 kg onto Claudia's
     * record (onhand -30). Claudia's record: the pickup puts 30 kg into her process, the two hops
     * drop off and pick up 30 kg, and the final dropoff implies a custody transfer of 30 kg to
     * Bob's record, so it ends at 0. No event moves accounting quantities of apples, because the
     * transferAllRights event names no resource. The payment moves 10 from Alice's account to
     * Claudia's, which it creates with Claudia as custodian.
     */
    it('derives the transportation with transfer example.', async () => {
      assert.deepEqual(await inventoryOf('ex-exchange--08--transportation-with-transfer.yaml'), [
        {
          id: 'https://alice.example/21f361a6-2375-46bb-b192-c21b5ba833bf', accounting: '0', onhand: '-30',
          unit: KILOGRAM, custodian: 'https://alice.example',
        },
        {
          id: 'https://alice.example/daa2ec3b-2c1a-4eb1-839f-8dcec1a1f93a', accounting: '-10', onhand: '-10',
          unit: ONE, custodian: null,
        },
        {
          id: 'https://bob.example/9bd19194-a36d-4a1f-896b-8082887962cb', accounting: '0', onhand: '30',
          unit: KILOGRAM, custodian: 'https://bob.example/',
        },
        {
          id: 'https://claudia.example/27be5cab-d740-4194-9298-1661a69d9d95', accounting: '0', onhand: '0',
          unit: KILOGRAM, custodian: 'https://claudia.example/',
        },
        {
          id: 'https://claudia.example/bd5806d6-4a36-45b9-b3b6-3e7d361a5a14', accounting: '10', onhand: '10',
          unit: ONE, custodian: 'https://claudia.example/',
        },
      ]);
    });

    /*
     * Plywood: consume 3, its correction -3 gives the 3 back, and the replacing consume takes 5,
     * so -3 + 3 - 5 = -5. The desk: produce 1. The work correction changes no resource.
     */
    it('derives the correcting errors example.', async () => {
      const mfg = 'https://manufacturing.example/';
      assert.deepEqual(await inventoryOf('ex-production--13--correcting-errors.yaml'), [
        { id: `${mfg}3129ca8b-fcda-45be-bbda-294dc924d3b9`, accounting: '-5', onhand: '-5', unit: ONE, custodian: null },
        { id: `${mfg}e1721a61-cd47-4556-84b9-8b1b81da15bf`, accounting: '1', onhand: '1', unit: ONE, custodian: mfg },
      ]);
    });
  });
}
