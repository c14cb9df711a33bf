import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { PlanJson } from '../../src/planning/index.js';
import { STACK_TRACE_LINE, runCli } from './runCli.js';

const R = 'https://bakery.example/recipes#';
const KILOGRAM = 'http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram';

function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/planning/${name}`, import.meta.url));
}

describe('The oce plan command', () => {
  it('prints the plan as JSON.', async () => {
    const run = await runCli('plan', '--json', '--recipe', `${R}breadRecipe`, '--quantity', '6',
      '--due', '2026-12-24T08:00:00Z', '--plan-iri', 'urn:test:bread', fixture('bread.ttl'), fixture('flour-stock.ttl'));
    assert.equal(run.stderr, '');
    assert.equal(run.exitCode, 0);
    const plan = JSON.parse(run.stdout) as PlanJson;
    assert.deepEqual(plan.plan, { id: 'urn:test:bread#plan', name: '6 kilogram of Bread', due: '2026-12-24T08:00:00Z' });
    assert.deepEqual(plan.processes[0], {
      id: 'urn:test:bread#process-1', name: 'Bake bread', basedOn: `${R}baked`, recipeProcess: `${R}bake`,
      hasBeginning: '2026-12-24T07:15:00Z', hasEnd: '2026-12-24T08:00:00Z',
    });
    assert.deepEqual(plan.commitments[0], {
      id: 'urn:test:bread#commitment-1', action: 'produce', resourceConformsTo: `${R}bread`, resourceClassifiedAs: [],
      resourceQuantity: { value: '6', unit: KILOGRAM }, effortQuantity: null, stage: null, state: null,
      due: '2026-12-24T08:00:00Z', inputOf: null, outputOf: 'urn:test:bread#process-1',
      independentDemandOf: 'urn:test:bread#plan', clauseOf: null, reciprocalClauseOf: null, recipeFlow: `${R}bakeBread`,
    });
    assert.equal(plan.commitments.length, 11);
    const flour = plan.demands.find((demand) => demand.resourceConformsTo === `${R}flour`);
    assert.deepEqual([flour?.fromInventory, flour?.remaining, flour?.stillNeeded], ['1', '3.5', '0']);
    const wheat = plan.demands.find((demand) => demand.resourceConformsTo === `${R}wheat`);
    assert.deepEqual([wheat?.producedBy, wheat?.stillNeeded], [null, '4.2']);
  });

  it('prints tables of processes, commitments and demands.', async () => {
    const run = await runCli('plan', '--recipe', `${R}dough`, '--quantity', '5', '--due', '2026-12-24T07:15:00Z',
      '--plan-iri', 'urn:test:dough', fixture('bread.ttl'));
    assert.equal(run.exitCode, 0);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'Plan urn:test:dough#plan (5 kilogram of Dough), due 2026-12-24T07:15:00Z');
    assert.ok(lines.includes('process-1  Mix dough    2026-12-24T05:15:00Z  2026-12-24T07:15:00Z'), run.stdout);
    const water = /^https:\/\/bakery\.example\/recipes#water +2 om2:litre +2026-12-24T05:15:00Z +0 +- +2$/u;
    assert.ok(lines.some((line) => water.test(line)), run.stdout);
  });

  it('fails with the cycle named and no stack trace.', async () => {
    const run = await runCli('plan', '--recipe', 'https://cycle.example/recipes#gear', '--quantity', '1',
      '--due', '2026-12-24T08:00:00Z', fixture('cycle.ttl'));
    assert.equal(run.exitCode, 1);
    assert.match(run.stderr, /^Found a recipe cycle: Make gear \[https:\/\/cycle\.example\/recipes#makeGear\] needs /u);
    assert.doesNotMatch(run.stderr, STACK_TRACE_LINE);
  });

  it('rejects a quantity that is no decimal number as a usage error.', async () => {
    const run = await runCli('plan', '--recipe', `${R}bread`, '--quantity', 'six', '--due', '2026-12-24T08:00:00Z',
      fixture('bread.ttl'));
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, 'Invalid --quantity: expected a decimal above zero, such as 6 or 2.5, got [six]');
  });

  for (const quantity of ['-6', '0']) {
    it(`rejects the quantity ${quantity} as a usage error.`, async () => {
      const run = await runCli('plan', '--recipe', `${R}bread`, '--quantity', quantity, '--due', '2026-12-24T08:00:00Z',
        fixture('bread.ttl'));
      assert.equal(run.exitCode, 2);
      assert.equal(run.stderr, `Invalid --quantity: expected a decimal above zero, such as 6 or 2.5, got [${quantity}]`);
    });
  }

  it('rejects an impossible due date as a usage error.', async () => {
    const run = await runCli('plan', '--recipe', `${R}bread`, '--quantity', '1', '--due', '2026-13-45',
      fixture('bread.ttl'));
    assert.equal(run.exitCode, 2);
    assert.equal(run.stderr, 'Invalid --due: expected an xsd:dateTime such as 2026-12-24T17:00:00Z, got [2026-13-45]');
  });

  for (const planIri of ['not an iri', 'urn:test:bread#base']) {
    it(`rejects the plan IRI [${planIri}] as a usage error.`, async () => {
      const run = await runCli('plan', '--recipe', `${R}bread`, '--quantity', '1', '--due', '2026-12-24T08:00:00Z',
        '--plan-iri', planIri, fixture('bread.ttl'));
      assert.equal(run.exitCode, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'Invalid --plan-iri: expected an absolute IRI without a fragment, such as ' +
        `urn:test:bread or https://pod.example/plans/bread, got [${planIri}]`);
    });
  }

  it('requires the due date.', async () => {
    const run = await runCli('plan', '--recipe', `${R}bread`, '--quantity', '1', fixture('bread.ttl'));
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /required option '--due <dateTime>' not specified/u);
  });
});
