import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import type { EconomicEvent, EconomicModel } from '../../src/model/index.js';
import { RdfParseError, readRdfFile } from '../../src/rdf/index.js';
import type { ParsedDocument } from '../../src/rdf/index.js';
import { referencePath } from '../support/referenceData.js';

// Upstream ValueFlows examples (YAML-LD blocks of the example pages, and the older stand-alone
// files) are kept outside the repository; CI has them. They are real-world input, not fixtures.
const EXAMPLES = referencePath('examples');
const CURRENT = join(EXAMPLES, 'current-extracted');
const LEGACY = join(EXAMPLES, 'legacy-2025-02');
const OM2 = 'http://www.ontology-of-units-of-measure.org/resource/om-2/';

/**
 * A block that continues the block before it on the same page and has no `@context` of its own
 * is read with that block's context, as the page intends. (ex-production--04 has a context of its
 * own, with `@vocab` misspelt, so it is read as written and yields nothing.)
 */
const CONTEXT_FROM: Record<string, string> = {
  'ex-exchange--09--transportation-with-transfer.yaml': 'ex-exchange--08--transportation-with-transfer.yaml',
};

async function readExample(file: string): Promise<ParsedDocument> {
  const contextFile = CONTEXT_FROM[file];
  if (contextFile === undefined) {
    return readRdfFile(join(CURRENT, file));
  }
  const context = (parse(readFileSync(join(CURRENT, contextFile), 'utf8')) as { '@context': unknown })['@context'];
  return readRdfFile(join(CURRENT, file), { expandContext: { '@context': context } as Record<string, unknown> });
}

async function readModel(file: string): Promise<EconomicModel> {
  return readEconomicModel([await readExample(file)]);
}

function event(model: EconomicModel, id: string): EconomicEvent {
  const found = model.events.get(id);
  assert.ok(found !== undefined, `expected the event [${id}]`);
  return found;
}

function quantityText(quantity: EconomicEvent['resourceQuantity']): string | undefined {
  return quantity === undefined ? undefined : `${quantity.value.toFixed()} ${quantity.unit.replace(OM2, 'om2:')}`;
}

{
  describe('The upstream ValueFlows examples', () => {
    // Events, resources and processes each example yields, as measured when this test was written.
    const counts: Record<string, [number, number, number]> = {
      'ex-agent--01--block.yaml': [0, 0, 0],
      'ex-exchange--01--exchange-agreement.yaml': [0, 0, 0],
      'ex-exchange--02--retail-exchange.yaml': [2, 0, 0],
      'ex-exchange--03--crypto-currency-transfer.yaml': [1, 2, 0],
      'ex-exchange--04--moving-crypto-currency.yaml': [1, 3, 0],
      'ex-exchange--05--checkout-book.yaml': [2, 1, 0],
      'ex-exchange--06--claim-for-income.yaml': [2, 0, 0],
      'ex-exchange--07--car-rental.yaml': [3, 1, 0],
      'ex-exchange--08--transportation-with-transfer.yaml': [7, 3, 2],
      'ex-exchange--09--transportation-with-transfer.yaml': [5, 0, 2],
      'ex-exchange--10--transportation-with-transfer.yaml': [9, 3, 2],
      'ex-planning--01--simple-plan.yaml': [0, 0, 3],
      'ex-planning--02--simple-plan-from-recipe.yaml': [0, 0, 1],
      'ex-planning--03--plan-from-recipe-with-production-and-exchange.yaml': [0, 0, 1],
      'ex-planning--04--building-recipes.yaml': [0, 0, 0],
      'ex-production--01--manufacturing.yaml': [5, 4, 1],
      'ex-production--02--manufacturing.yaml': [5, 0, 1],
      'ex-production--03--service.yaml': [6, 2, 1],
      'ex-production--04--service.yaml': [0, 0, 0],
      'ex-production--05--workflow-production.yaml': [2, 1, 1],
      'ex-production--06--workflow-production.yaml': [2, 0, 1],
      'ex-production--07--stage-and-state.yaml': [4, 1, 2],
      'ex-production--08--stage-and-state.yaml': [4, 0, 2],
      'ex-production--09--manufacturing-and-workflow-with-recipe-and-plan.yaml': [4, 3, 2],
      'ex-production--10--combine-and-separate-with-packing-container.yaml': [11, 5, 2],
      'ex-production--11--combine-and-separate-with-packing-container.yaml': [10, 0, 2],
      'ex-production--12--combine-and-separate-with-ongoing-containing-resource.yaml': [6, 4, 2],
      'ex-production--13--correcting-errors.yaml': [6, 0, 1],
      'ex-proposals--01--proposals-to-sell-and-give-away.yaml': [0, 0, 0],
      'ex-proposals--02--proposal-in-timebank.yaml': [0, 0, 0],
      'ex-proposals--03--proposal-for-barter.yaml': [0, 0, 0],
      'ex-proposals--04--proposal-for-work-commitment.yaml': [0, 0, 1],
      'ex-proposals--05--proposals-for-price-list.yaml': [0, 0, 0],
      'ex-proposals--06--fulfillment-and-satisfaction.yaml': [2, 0, 0],
      'ex-resource--01--block.yaml': [0, 3, 0],
    };

    it('covers every extracted example.', () => {
      assert.deepEqual(readdirSync(CURRENT).filter((file) => file.endsWith('.yaml')).sort(), Object.keys(counts).sort());
    });

    it('reports what JSON-LD drops from ex-production--04, whose @vocab is misspelt.', async () => {
      const document = await readExample('ex-production--04--service.yaml');
      assert.match(document.problems[0]?.message ?? '', /^JSON-LD processing dropped data 37 time\(s\) \[invalid property\]/u);
    });

    for (const [file, [events, resources, processes]] of Object.entries(counts)) {
      it(`reads ${file} into ${events} events, ${resources} resources and ${processes} processes.`, async () => {
        const model = await readModel(file);
        const found = [model.events.size, model.resources.size, model.processes.size];
        assert.deepEqual(found, [events, resources, processes]);
      });
    }

    describe('simple manufacturing', () => {
      const MFG = 'https://manufacturing.example/';
      const PROCESS = `${MFG}02b39a30-3e04-4305-9656-7f261aa63c84`;

      it('reads the first block\'s consume, use, cite, work and produce.', async () => {
        const model = await readModel('ex-production--01--manufacturing.yaml');
        const consume = event(model, `${MFG}b52a5815-fae9-43bf-be95-833b95dc0adb`);
        assert.equal(consume.action, 'consume');
        assert.equal(consume.inputOf, PROCESS);
        assert.equal(consume.resourceInventoriedAs, `${MFG}3129ca8b-fcda-45be-bbda-294dc924d3b9`);
        assert.equal(quantityText(consume.resourceQuantity), '3 om2:one');
        const use = event(model, `${MFG}b90b0b77-09a2-42e2-8bd4-e9ae2c1c6172`);
        assert.equal(quantityText(use.effortQuantity), '3.5 om2:hour');
        assert.equal(event(model, `${MFG}6f438393-7f87-4914-806c-e23a4fd15e89`).provider, 'https://alice.example/');
        assert.equal(event(model, `${MFG}d4d2fd71-34f2-41c3-b1c5-19ad5ed2da59`).action, 'produce');
      });

      it('reports the first block\'s vf:hasInput on an event instead of linking it.', async () => {
        const model = await readModel('ex-production--01--manufacturing.yaml');
        assert.equal(event(model, `${MFG}b90b0b77-09a2-42e2-8bd4-e9ae2c1c6172`).inputOf, undefined);
        assert.ok(model.problems.some((each) => each.message ===
          `[${MFG}b52a5815-fae9-43bf-be95-833b95dc0adb] uses vf:hasInput, which only a vf:Process may use, for 3 node(s); ` +
            'the links were ignored'));
      });

      it('links all five events of the second block to the process.', async () => {
        const model = await readModel('ex-production--02--manufacturing.yaml');
        const links = [...model.events.values()].map((each) => [each.action, each.inputOf ?? each.outputOf]);
        assert.deepEqual(links.sort(), [
          ['cite', PROCESS], ['consume', PROCESS], ['produce', PROCESS], ['use', PROCESS], ['work', PROCESS],
        ]);
      });
    });

    describe('transportation with transfer', () => {
      const CLAUDIA = 'https://claudia.example/';

      it('reads the implied-transfer version with pickups, dropoffs, service and payment.', async () => {
        const model = await readModel('ex-exchange--08--transportation-with-transfer.yaml');
        const actions = [...model.events.values()].map((each) => each.action).sort();
        assert.deepEqual(actions, ['deliverService', 'dropoff', 'dropoff', 'pickup', 'pickup', 'transfer', 'transferAllRights']);
        const pickup = event(model, `${CLAUDIA}fd399b37-0740-4a68-a184-1e655021ca21`);
        assert.equal(pickup.inputOf, `${CLAUDIA}633f6e56-6c7d-4a5b-b9c9-1a8adafd8960`);
        assert.equal(pickup.provider, 'https://alice.example/');
        assert.equal(pickup.receiver, 'https://claudia.example/');
        assert.equal(pickup.toResourceInventoriedAs, `${CLAUDIA}27be5cab-d740-4194-9298-1661a69d9d95`);
        assert.equal(quantityText(pickup.resourceQuantity), '30 om2:kilogram');
        const service = event(model, 'urn:uuid:68cabaf3-deb8-4bd5-a439-798263abe35a');
        assert.equal(service.outputOf, `${CLAUDIA}c404cff5-19c7-453d-b0d8-d8e96055bd0c`);
        assert.deepEqual(service.fulfills, ['urn:uuid:c7897c39-7f05-4a5d-a487-80e130a2414a']);
        assert.equal(quantityText(event(model, 'urn:uuid:8baa8ff7-9c1e-4586-ae7b-79d620a3cac9').resourceQuantity), '10 om2:one');
      });

      it('reads the fragment without context with the context of the block before it.', async () => {
        const model = await readModel('ex-exchange--09--transportation-with-transfer.yaml');
        const dropoff = event(model, `${CLAUDIA}9cb4944b-d26d-4774-a530-d18f2747c0d8`);
        assert.equal(dropoff.action, 'dropoff');
        assert.equal(dropoff.outputOf, `${CLAUDIA}c404cff5-19c7-453d-b0d8-d8e96055bd0c`);
        assert.equal(dropoff.toResourceInventoriedAs, 'https://bob.example/9bd19194-a36d-4a1f-896b-8082887962cb');
      });

      it('reads the explicit version, whose measures use the undeclared om2: prefix.', async () => {
        const model = await readModel('ex-exchange--10--transportation-with-transfer.yaml');
        const actions = [...model.events.values()].map((each) => each.action).sort();
        assert.deepEqual(actions, [
          'deliverService', 'dropoff', 'dropoff', 'pickup', 'pickup', 'transfer', 'transferAllRights',
          'transferCustody', 'transferCustody',
        ]);
        const custody = event(model, 'urn:uuid:7a63ea10-b1c3-441a-9a08-fb8630c02614');
        assert.equal(custody.action, 'transferCustody');
        assert.equal(custody.receiver, 'https://bob.example/');
        assert.equal(quantityText(custody.resourceQuantity), '30 om2:kilogram');
      });
    });

    describe('correcting errors', () => {
      const MFG = 'https://manufacturing.example/';

      it('reads the originals once and the corrections with signed quantities.', async () => {
        const model = await readModel('ex-production--13--correcting-errors.yaml');
        const backOut = event(model, `${MFG}b52a5815-fae9-43bf-be95-833b95dc0sdf`);
        assert.equal(backOut.corrects, `${MFG}b52a5815-fae9-43bf-be95-833b95dc0adb`);
        assert.equal(quantityText(backOut.resourceQuantity), '-3 om2:one');
        assert.equal(quantityText(event(model, `${MFG}b52a5815-fae9-43bf-be95-833b95dc0yu8`).resourceQuantity), '5 om2:one');
        const workFix = event(model, `${MFG}6f438393-7f87-4914-806c-e23a4fd158uj`);
        assert.equal(workFix.corrects, `${MFG}6f438393-7f87-4914-806c-e23a4fd15e89`);
        assert.equal(quantityText(workFix.effortQuantity), '-1 om2:hour');
        assert.equal(quantityText(event(model, `${MFG}6f438393-7f87-4914-806c-e23a4fd15e89`).effortQuantity), '7 om2:hour');
        assert.equal(event(model, `${MFG}d4d2fd71-34f2-41c3-b1c5-19ad5ed2da59`).hasPointInTime, '2019-04-08T17:30:00-05:00');
      });
    });
  });
}

{
  describe('The legacy upstream ValueFlows examples', () => {
    for (const file of readdirSync(LEGACY).filter((name) => name.endsWith('.yaml')).sort()) {
      it(`parses ${file} or rejects it with an RdfParseError.`, async () => {
        try {
          await readRdfFile(join(LEGACY, file));
        } catch (error: unknown) {
          assert.ok(error instanceof RdfParseError, `expected an RdfParseError, got ${String(error)}`);
          assert.match(error.message, new RegExp(`^Cannot parse \\[${LEGACY}/${file.replace('.', '\\.')}\\] as application/ld\\+yaml`, 'u'));
        }
      });
    }
  });
}
