import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseDecimal } from '../../src/model/index.js';
import type { EconomicModel } from '../../src/model/index.js';
import {
  agreementBalances, coordinationStatus, explodeRecipe, fragmentPlanIris,
} from '../../src/planning/index.js';
import type { GeneratedPlan, PlannedCommitment } from '../../src/planning/index.js';
import { referencePath } from '../support/referenceData.js';
import { quantityText, readModel } from './support.js';

// The upstream ValueFlows planning examples sit beside the repository, where CI has them too.
const EXAMPLES = referencePath('examples', 'current-extracted');
const BASE = 'urn:test:plan';
const WIKIDATA = 'http://www.wikidata.org/entity/';

async function example(file: string): Promise<EconomicModel> {
  return readModel(join(EXAMPLES, file));
}

function plan(model: EconomicModel, target: string, quantity: string, due: string): GeneratedPlan {
  return explodeRecipe(model, { target, quantity: parseDecimal(quantity), due }, { iris: fragmentPlanIris(BASE) });
}

/** Action, specification and quantity of a commitment, the parts an example's plan and ours share. */
function flow(commitment: Pick<PlannedCommitment, 'action' | 'resourceConformsTo' | 'resourceQuantity' | 'effortQuantity'>): string {
  return `${commitment.action} ${commitment.resourceConformsTo ?? '-'} ` +
    quantityText(commitment.resourceQuantity ?? commitment.effortQuantity);
}

describe('Planning on the upstream ValueFlows examples', () => {
  describe('the simple plan', () => {
    const PRINTER = 'https://printer.example/';
    const PLAN = `${PRINTER}8e5fe80d-a769-4bd5-89e5-2136d33eab9f`;

    it('reads the plan, its three processes and seven commitments.', async () => {
      const model = await example('ex-planning--01--simple-plan.yaml');
      assert.equal(model.plans?.get(PLAN)?.due, '2019-04-08T17:00:00-05:00');
      assert.deepEqual([...model.processes.values()].map((process) => process.plannedWithin), [PLAN, PLAN, PLAN]);
      assert.equal(model.commitments?.size, 7);
      const independent = [...model.commitments.values()].filter((each) => each.independentDemandOf === PLAN);
      assert.deepEqual(independent.map((each) => quantityText(each.resourceQuantity)).sort(), ['1000 om2:one', '35 om2:one']);
    });

    it('turns all commitments late after the plan due.', async () => {
      const model = await example('ex-planning--01--simple-plan.yaml');
      const before = coordinationStatus(model, '2019-04-08T21:59:59Z');
      assert.deepEqual(before.byPlan.map((summary) => [summary.key, summary.counts]),
        [[PLAN, { done: 0, late: 0, partial: 0, needed: 7 }]]);
      const after = coordinationStatus(model, '2019-04-08T22:00:01Z');
      assert.deepEqual(after.byPlan.map((summary) => [summary.key, summary.counts]),
        [[PLAN, { done: 0, late: 7, partial: 0, needed: 0 }]]);
    });

    it('sums what the plan still needs per specification or named resource.', async () => {
      const model = await example('ex-planning--01--simple-plan.yaml');
      const [summary] = coordinationStatus(model, '2019-04-01T00:00:00Z').byPlan;
      const remaining = summary!.remaining.map((total) =>
        `${(total.resourceConformsTo ?? total.resourceInventoriedAs ?? '-').replace(PRINTER, '')} ` +
        `${total.remaining.toFixed()} ${total.unit.replace(/^.*\//u, '')}`);
      assert.deepEqual(remaining.sort(), [
        '3129ca8b-fcda-45be-bbda-294dc924d3b9 1020 one',
        '6078f30a-b15b-4b1c-8e77-797abae11378 35 one',
        '6b97b1be-8e07-44ac-82e5-214f1b2aaf33 1000 one',
        '86ad6e22-7640-4b93-972a-db7177ab2616 1 one',
        'e4783bef-9006-490c-9c03-389272c7444d 1 one',
        'e4783bef-9006-490c-9c03-389272c7444d 1.5 hour',
        'e56fd654-7b94-4d96-8e60-de39e08329a7 35 one',
      ]);
    });
  });

  describe('the simple plan from a recipe', () => {
    const FIBER = 'urn:uuid:3be5259d-10f0-431c-9fec-9c0c15a461d3';

    it('makes the inputs of the example plan from the recipe.', async () => {
      const model = await example('ex-planning--02--simple-plan-from-recipe.yaml');
      const generated = plan(model, FIBER, '0.5', '2019-04-08T17:00:00-05:00');
      const stated = [...model.commitments!.values()].filter((each) => each.inputOf !== undefined);
      assert.deepEqual(generated.commitments.filter((each) => each.inputOf !== undefined).map(flow).sort(),
        stated.map(flow).sort());
      assert.deepEqual(stated.map(flow).sort(), [
        `consume ${WIKIDATA}Q162 0.5 om2:metre`, `work ${WIKIDATA}Q640621 2 om2:hour`,
      ]);
    });

    it('makes the output the recipe names, where the example names another specification.', async () => {
      const model = await example('ex-planning--02--simple-plan-from-recipe.yaml');
      const generated = plan(model, FIBER, '0.5', '2019-04-08T17:00:00-05:00');
      const output = generated.commitments.filter((each) => each.outputOf !== undefined);
      assert.deepEqual(output.map(flow), [`produce ${FIBER} 0.5 om2:metre`]);
      assert.equal(output[0]?.independentDemandOf, `${BASE}#plan`);
      assert.deepEqual(generated.processes.map((process) => [process.name, process.hasBeginning, process.hasEnd]),
        [['Make delivery fiber component', '2019-04-08T22:00:00Z', '2019-04-08T22:00:00Z']]);
    });
  });

  describe('the plan from a recipe with production and exchange', () => {
    const HANDOUT = 'urn:uuid:3be5259d-10f0-431c-9fec-9c0c15a461d3';
    const WRITING = 'urn:uuid:6b5bc786-b9ed-4189-b34f-5ef7d10f1f86';
    const FAIRCOIN = `${WIKIDATA}Q21002847`;

    it('plans the work and the payment as clauses of one agreement.', async () => {
      const model = await example('ex-planning--03--plan-from-recipe-with-production-and-exchange.yaml');
      const generated = plan(model, HANDOUT, '1', '2019-04-08T17:00:00-05:00');
      const clauses = generated.commitments
        .map((each) => [flow(each), each.clauseOf ?? null, each.reciprocalClauseOf ?? null]);
      assert.deepEqual(clauses, [
        [`produce ${HANDOUT} 1 om2:one`, null, null],
        [`work ${WRITING} 15 om2:hour`, `${BASE}#agreement-1`, null],
        [`transfer ${FAIRCOIN} 300 om2:one`, null, `${BASE}#agreement-1`],
      ]);
      assert.deepEqual(generated.agreements, [{
        id: `${BASE}#agreement-1`, recipeExchange: 'urn:uuid:9bd19194-a36d-4a1f-896b-8082887962cb',
        name: 'Exchange documentation work for FairCoin',
      }]);
    });

    it('balances the example plan, whose work and payment were adjusted by hand.', async () => {
      const model = await example('ex-planning--03--plan-from-recipe-with-production-and-exchange.yaml');
      const balances = agreementBalances(model).map((balance) => [balance.agreement,
        balance.primary.totals.map((total) => `${total.committed.toFixed()} ${total.unit.replace(/^.*\//u, '')}`),
        balance.reciprocal.totals.map((total) => `${total.committed.toFixed()} ${total.unit.replace(/^.*\//u, '')}`)]);
      // The payment names the process as its agreement (reciprocalClauseOf), a slip in the example,
      // so it forms a second group of its own.
      assert.deepEqual(balances, [
        ['doc:02b39a30-3e04-4305-9656-7f261aa63c84', [], ['400 one']],
        ['urn:uuid:583e83d9-a46d-44ff-bd71-88513a1d83c0', ['20 hour'], []],
      ]);
    });
  });

  describe('the building recipes', () => {
    const HERD = 'urn:uuid:3be5259d-10f0-431c-9fec-9c0c15a41234';
    const PADDOCK = 'urn:uuid:6b5bc786-b9ed-4189-b34f-5ef7d10fgt98';
    const COLLECT = 'urn:uuid:e1721a61-cd47-4556-84b9-8b1b81da15bf';

    it('reads the four recipe processes with their durations.', async () => {
      const model = await example('ex-planning--04--building-recipes.yaml');
      const durations = [...model.recipeProcesses!.values()]
        .map((process) => [process.name, quantityText(process.hasDuration)]);
      assert.deepEqual(durations, [
        ['Collect cows from paddock', '0.5 om2:hour'],
        ['Milk and dip the cows summer', '1 om2:hour'],
        ['Milk and dip the cows winter', '1 om2:hour'],
        ['Return the cows', '0.5 om2:hour'],
      ]);
    });

    // Both recipes of the example share one IRI, so they merge into one that names no primary output.
    it('rejects the merged recipes without a primary output.', async () => {
      const model = await example('ex-planning--04--building-recipes.yaml');
      assert.throws(() => plan(model, 'urn:uuid:6b5bc786-b9ed-4189-b34f-5ef7d10fd3ou', '1', '2026-12-24T05:00:00Z'), {
        name: 'PlanningError',
        message: 'Expected recipe [urn:uuid:6b5bc786-b9ed-4189-b34f-5ef7d10fd3ou] to have a vf:primaryOutput or exactly ' +
          'one output that none of its processes takes as input, found [urn:uuid:6b5bc786-b9ed-4189-b34f-5ef7d10fio33], ' +
          '[urn:uuid:6b5bc786-b9ed-4189-b34f-5ef7d10fse43]; plan for one of them by its IRI instead',
      });
    });

    it('plans the collected herd half an hour back, passing herd and paddock through.', async () => {
      const model = await example('ex-planning--04--building-recipes.yaml');
      const herd = plan(model, HERD, '1', '2026-12-24T05:00:00Z');
      assert.deepEqual(herd.processes.map((process) => [process.recipeProcess, process.hasBeginning, process.hasEnd]),
        [[COLLECT, '2026-12-24T04:30:00Z', '2026-12-24T05:00:00Z']]);
      assert.deepEqual(herd.commitments.map((each) => [flow(each), each.due]), [
        [`modify ${PADDOCK} 1 om2:one`, '2026-12-24T05:00:00Z'],
        [`modify ${HERD} 1 om2:one`, '2026-12-24T05:00:00Z'],
        [`modify ${PADDOCK} 1 om2:one`, '2026-12-24T04:30:00Z'],
        [`modify ${HERD} 1 om2:one`, '2026-12-24T04:30:00Z'],
        ['work urn:uuid:6b5bc786-b9ed-4189-b34f-5ef7d10fdfre 0.5 om2:hour', '2026-12-24T04:30:00Z'],
        ['use urn:uuid:6b5bc786-b9ed-4189-b34f-5ef7d10fasdf 0.5 om2:hour', '2026-12-24T04:30:00Z'],
      ]);
      assert.deepEqual(herd.demands.map((demand) => [demand.resourceConformsTo, demand.producedBy ?? null]),
        [[HERD, `${BASE}#process-1`], [PADDOCK, null], [HERD, null]]);
      assert.deepEqual(herd.problems.map((found) => found.message), [
        `Several recipe processes output [${HERD}]: [${COLLECT}], [urn:uuid:e1721a61-cd47-4556-84b9-8b1b81da45sd]; ` +
          `planned with the first, [${COLLECT}]`,
      ]);
    });
  });
});
