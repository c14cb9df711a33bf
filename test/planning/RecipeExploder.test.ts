import assert from 'node:assert/strict';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import { parseDecimal } from '../../src/model/index.js';
import type { EconomicModel } from '../../src/model/index.js';
import { PlanningError, explodeRecipe, fragmentPlanIris } from '../../src/planning/index.js';
import type { GeneratedPlan, PlannedCommitment } from '../../src/planning/index.js';
import { parseRdf } from '../../src/rdf/index.js';
import { planningFixture, quantityText, readModel } from './support.js';

const R = 'https://bakery.example/recipes#';
const BASE = 'urn:test:plan';
const iris = fragmentPlanIris(BASE);

function plan(model: EconomicModel, target: string, quantity: string, due: string): GeneratedPlan {
  return explodeRecipe(model, { target, quantity: parseDecimal(quantity), due }, { iris });
}

/** Formats a commitment as one line: id, action, specification, quantity, due, process link. */
function line(commitment: PlannedCommitment): string {
  const link = commitment.inputOf === undefined ? `out of ${commitment.outputOf}` : `into ${commitment.inputOf}`;
  const quantity = quantityText(commitment.resourceQuantity ?? commitment.effortQuantity);
  return [commitment.id.replace(`${BASE}#`, ''), commitment.action, commitment.resourceConformsTo?.replace(R, ''),
    quantity, commitment.due, link.replace(`${BASE}#`, '')].join(' | ');
}

describe('A RecipeExploder', () => {
  describe('on a three-level bread recipe with 1 kg of flour on hand', () => {
    let bread: GeneratedPlan;

    before(async () => {
      const model = await readModel(planningFixture('bread.ttl'), planningFixture('flour-stock.ttl'));
      bread = plan(model, `${R}breadRecipe`, '6', '2026-12-24T08:00:00Z');
    });

    it('schedules each process back from when its output is due.', () => {
      assert.deepEqual(bread.processes.map((process) => [process.name, process.hasBeginning, process.hasEnd]), [
        ['Bake bread', '2026-12-24T07:15:00Z', '2026-12-24T08:00:00Z'],
        ['Mix dough', '2026-12-24T05:15:00Z', '2026-12-24T07:15:00Z'],
        ['Grind wheat', '2026-12-23T05:15:00Z', '2026-12-24T05:15:00Z'],
      ]);
    });

    it('scales every flow exactly and nets flour against the stock.', () => {
      assert.deepEqual(bread.commitments.map(line), [
        'commitment-1 | produce | bread | 6 om2:kilogram | 2026-12-24T08:00:00Z | out of process-1',
        'commitment-2 | consume | dough | 7.5 om2:kilogram | 2026-12-24T07:15:00Z | into process-1',
        'commitment-3 | use | oven | 3 om2:hour | 2026-12-24T07:15:00Z | into process-1',
        'commitment-4 | work | baking | 1.5 om2:hour | 2026-12-24T07:15:00Z | into process-1',
        'commitment-5 | produce | dough | 7.5 om2:kilogram | 2026-12-24T07:15:00Z | out of process-2',
        'commitment-6 | consume | flour | 4.5 om2:kilogram | 2026-12-24T05:15:00Z | into process-2',
        'commitment-7 | consume | water | 3 om2:litre | 2026-12-24T05:15:00Z | into process-2',
        'commitment-8 | work | baking | 0.375 om2:hour | 2026-12-24T05:15:00Z | into process-2',
        'commitment-9 | produce | flour | 3.5 om2:kilogram | 2026-12-24T05:15:00Z | out of process-3',
        'commitment-10 | use | mill | 1.05 om2:hour | 2026-12-23T05:15:00Z | into process-3',
        'commitment-11 | consume | wheat | 4.2 om2:kilogram | 2026-12-23T05:15:00Z | into process-3',
      ]);
    });

    it('marks only the delivering commitment as the independent demand.', () => {
      const independent = bread.commitments.filter((commitment) => commitment.independentDemandOf !== undefined);
      assert.deepEqual(independent.map((commitment) => [commitment.id, commitment.independentDemandOf]),
        [[`${BASE}#commitment-1`, `${BASE}#plan`]]);
    });

    it('lists the dependent demands earliest due first, with what is still needed.', () => {
      const demands = bread.demands.map((demand) => [demand.resourceConformsTo.replace(R, ''),
        quantityText(demand.quantity), demand.due, demand.neededBy?.replace(`${BASE}#`, '') ?? null,
        demand.fromInventory.toFixed(), demand.remaining.toFixed(), demand.producedBy?.replace(`${BASE}#`, '') ?? null]);
      assert.deepEqual(demands, [
        ['bread', '6 om2:kilogram', '2026-12-24T08:00:00Z', null, '0', '6', 'process-1'],
        ['dough', '7.5 om2:kilogram', '2026-12-24T07:15:00Z', 'commitment-2', '0', '7.5', 'process-2'],
        ['flour', '4.5 om2:kilogram', '2026-12-24T05:15:00Z', 'commitment-6', '1', '3.5', 'process-3'],
        ['wheat', '4.2 om2:kilogram', '2026-12-23T05:15:00Z', 'commitment-11', '0', '4.2', null],
        ['water', '3 om2:litre', '2026-12-24T05:15:00Z', 'commitment-7', '0', '3', null],
      ]);
    });

    it('names the plan after the demand and reports no problems.', () => {
      assert.equal(bread.name, '6 kilogram of Bread');
      assert.equal(bread.due, '2026-12-24T08:00:00Z');
      assert.deepEqual(bread.problems, []);
    });
  });

  it('plans nothing below a demand that inventory covers.', async () => {
    const model = await readModel(planningFixture('bread.ttl'), planningFixture('flour-stock.ttl'));
    const small = plan(model, `${R}mix`, '1', '2026-12-24T08:00:00Z');
    assert.deepEqual(small.processes.map((process) => process.recipeProcess), [`${R}mix`]);
    const flour = small.demands.find((demand) => demand.resourceConformsTo === `${R}flour`);
    assert.equal(flour?.fromInventory.toFixed(), '0.6');
    assert.equal(flour?.remaining.toFixed(), '0');
    assert.equal(flour?.producedBy, undefined);
  });

  it('plans from a resource specification and keeps the due time offset exact.', async () => {
    const model = await readModel(planningFixture('bread.ttl'));
    const dough = plan(model, `${R}dough`, '5', '2026-12-24T07:15:00.25-05:00');
    assert.deepEqual(dough.processes.map((process) => [process.hasBeginning, process.hasEnd]), [
      ['2026-12-24T10:15:00.25Z', '2026-12-24T12:15:00.25Z'],
      ['2026-12-23T10:15:00.25Z', '2026-12-24T10:15:00.25Z'],
    ]);
  });

  it('scales by decimal ratios without rounding.', async () => {
    const model = await readModel(planningFixture('bread.ttl'));
    const flour = plan(model, `${R}flour`, '3', '2026-12-24T08:00:00Z');
    const mill = flour.commitments.find((commitment) => commitment.resourceConformsTo === `${R}mill`);
    assert.equal(quantityText(mill?.effortQuantity), '0.9 om2:hour');
    const wheat = flour.commitments.find((commitment) => commitment.resourceConformsTo === `${R}wheat`);
    assert.equal(quantityText(wheat?.resourceQuantity), '3.6 om2:kilogram');
  });

  it('rounds up a quantity without a finite decimal expansion and says so.', async () => {
    const model = readEconomicModel([await parseRdf(`
      @prefix vf: <https://w3id.org/valueflows/ont/vf#> .
      @prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
      <#cut> a vf:RecipeProcess .
      <#out> a vf:RecipeFlow ; vf:action vf:produce ; vf:recipeOutputOf <#cut> ; vf:resourceConformsTo <#part> ;
        vf:resourceQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit om2:one ] .
      <#in> a vf:RecipeFlow ; vf:action vf:consume ; vf:recipeInputOf <#cut> ; vf:resourceConformsTo <#steel> ;
        vf:resourceQuantity [ vf:hasNumericalValue 1 ; vf:hasUnit om2:kilogram ] .`,
    { source: 'cut.ttl', baseIRI: 'https://shop.example/' })]);
    const cut = plan(model, 'https://shop.example/#part', '1', '2026-12-24T08:00:00Z');
    const steel = cut.commitments.find((commitment) => commitment.action === 'consume');
    assert.equal(quantityText(steel?.resourceQuantity), '0.333333334 om2:kilogram');
    assert.deepEqual(cut.problems.map((found) => found.message), [
      'Scaled [1] by [1] / [3] for recipe process [https://shop.example/#cut]; the result has no finite decimal ' +
        'expansion and was rounded up to [0.333333334]',
    ]);
  });

  it('names the processes of a recipe cycle.', async () => {
    const model = await readModel(planningFixture('cycle.ttl'));
    const C = 'https://cycle.example/recipes#';
    assert.throws(() => plan(model, `${C}gear`, '1', '2026-12-24T08:00:00Z'), (error: unknown) => {
      assert.ok(error instanceof PlanningError);
      assert.equal(error.message, `Found a recipe cycle: Make gear [${C}makeGear] needs Make jig [${C}makeJig] ` +
        `needs Make gear [${C}makeGear]; a recipe process cannot depend on its own output through other processes, ` +
        'so break the cycle or keep the looping resource in inventory');
      assert.equal(error.subject, `${C}makeGear`);
      return true;
    });
  });

  it('rejects a target that no recipe process outputs.', async () => {
    const model = await readModel(planningFixture('bread.ttl'));
    assert.throws(() => plan(model, `${R}wheat`, '1', '2026-12-24T08:00:00Z'), {
      name: 'PlanningError',
      message: `Expected a recipe flow with a quantity that outputs [${R}wheat], but no recipe process outputs it`,
    });
  });

  it('rejects a quantity of zero and an invalid due date.', async () => {
    const model = await readModel(planningFixture('bread.ttl'));
    assert.throws(() => plan(model, `${R}bread`, '0', '2026-12-24T08:00:00Z'),
      { message: 'Expected a demanded quantity above zero, got [0]' });
    assert.throws(() => plan(model, `${R}bread`, '1', 'Christmas'),
      { message: 'Expected the due date as an xsd:dateTime such as 2026-12-24T17:00:00Z, got [Christmas]' });
  });
});
