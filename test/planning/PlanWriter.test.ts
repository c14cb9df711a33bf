import assert from 'node:assert/strict';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import { parseDecimal } from '../../src/model/index.js';
import { PlanWriter, PlanningError, explodeRecipe, fragmentPlanIris } from '../../src/planning/index.js';
import type { GeneratedPlan } from '../../src/planning/index.js';
import { SolidDocumentClient } from '../../src/solid/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { assertIsomorphic, turtle } from '../support/rdfAssertions.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';
import { referencePath } from '../support/referenceData.js';
import { planningFixture, readModel } from './support.js';

const R = 'https://bakery.example/recipes#';
const VF = 'https://w3id.org/valueflows/ont/vf#';

describe('A PlanWriter', () => {
  let server: SolidServer;
  let member: TestMember;
  let writer: PlanWriter;
  let client: SolidDocumentClient;

  before(async function () {
    this.timeout(60000);
    server = await sharedSolidServer();
    member = await createTestMember(server, 'planner');
    writer = new PlanWriter({ fetch: member.session.fetch, storage: member.account.podUrl });
    client = new SolidDocumentClient(member.session.fetch);
  });

  after(async () => {
    await member.session.logout();
  });

  async function mixPlan(name: string): Promise<GeneratedPlan> {
    const model = await readModel(planningFixture('bread.ttl'));
    const mix = model.recipeProcesses!.get(`${R}mix`)!;
    model.recipeProcesses = new Map([[mix.id, mix]]);
    return explodeRecipe(model, { target: `${R}dough`, quantity: parseDecimal('2.5'), due: '2026-12-24T07:15:00Z' },
      { iris: writer.iris(name), name: 'Dough for Christmas' });
  }

  it('writes the plan with its process and its commitments with their measures.', async () => {
    const written = await writer.write(await mixPlan('dough'));
    const plans = `${member.account.podUrl}rea/plans/dough.ttl`;
    const commitments = `${member.account.podUrl}rea/commitments/dough.ttl`;
    assert.deepEqual(written, { plan: plans, commitments });
    assertIsomorphic((await client.read(plans))!.quads, turtle(`
      @prefix vf: <${VF}>. @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
      <#plan> a vf:Plan; vf:name "Dough for Christmas"; vf:due "2026-12-24T07:15:00Z"^^xsd:dateTime.
      <#process-1> a vf:Process; vf:name "Mix dough"; vf:plannedWithin <#plan>;
        vf:hasBeginning "2026-12-24T05:15:00Z"^^xsd:dateTime; vf:hasEnd "2026-12-24T07:15:00Z"^^xsd:dateTime.
    `, plans));
    const stored = (await client.read(commitments))!.quads;
    const model = readEconomicModel([{ source: commitments, quads: stored, problems: [] }]);
    const lines = [...model.commitments!.values()].map((commitment) => [commitment.id.replace(commitments, ''),
      commitment.action, commitment.resourceConformsTo?.replace(R, ''),
      (commitment.resourceQuantity ?? commitment.effortQuantity)?.value.toFixed(), commitment.due,
      (commitment.inputOf ?? commitment.outputOf)?.replace(plans, ''), commitment.plannedWithin?.replace(plans, ''),
      commitment.independentDemandOf?.replace(plans, '') ?? null]).sort();
    assert.deepEqual(lines, [
      ['#commitment-1', 'produce', 'dough', '2.5', '2026-12-24T07:15:00Z', '#process-1', '#plan', '#plan'],
      ['#commitment-2', 'consume', 'flour', '1.5', '2026-12-24T05:15:00Z', '#process-1', '#plan', null],
      ['#commitment-3', 'consume', 'water', '1', '2026-12-24T05:15:00Z', '#process-1', '#plan', null],
      ['#commitment-4', 'work', 'baking', '0.125', '2026-12-24T05:15:00Z', '#process-1', '#plan', null],
    ]);
    assert.deepEqual(model.problems, []);
  });

  it('writes the agreement of a recipe exchange to its own document.', async () => {
    const model = await readModel(referencePath('examples', 'current-extracted',
      'ex-planning--03--plan-from-recipe-with-production-and-exchange.yaml'));
    const plan = explodeRecipe(model, { target: 'urn:uuid:3be5259d-10f0-431c-9fec-9c0c15a461d3', quantity: parseDecimal('1'),
      due: '2019-04-08T17:00:00-05:00' }, { iris: writer.iris('handout') });
    const written = await writer.write(plan);
    const agreements = `${member.account.podUrl}rea/agreements/handout.ttl`;
    assert.equal(written.agreements, agreements);
    assertIsomorphic((await client.read(agreements))!.quads, turtle(`
      <#agreement-1> a <${VF}Agreement>; <${VF}name> "Exchange documentation work for FairCoin".
    `, agreements));
    const stored = (await client.read(written.commitments))!.quads;
    const clauses = stored.filter((quad) => [`${VF}clauseOf`, `${VF}reciprocalClauseOf`].includes(quad.predicate.value))
      .map((quad) => [quad.predicate.value.replace(VF, ''), quad.object.value]).sort();
    assert.deepEqual(clauses, [['clauseOf', `${agreements}#agreement-1`], ['reciprocalClauseOf', `${agreements}#agreement-1`]]);
  });

  it('never overwrites an existing plan.', async () => {
    await writer.write(await mixPlan('twice'));
    await assert.rejects(writer.write(await mixPlan('twice')), (error: unknown) => {
      assert.ok(error instanceof PlanningError);
      assert.equal(error.message, `Document [${member.account.podUrl}rea/plans/twice.ttl] already exists, and plans ` +
        'are never overwritten; write the plan under another name');
      return true;
    });
  });

  it('rejects a plan whose IRIs belong to no document of the pod.', async () => {
    const model = await readModel(planningFixture('bread.ttl'));
    const plan = explodeRecipe(model, { target: `${R}dough`, quantity: parseDecimal('5'), due: '2026-12-24T07:15:00Z' },
      { iris: fragmentPlanIris('urn:test:elsewhere') });
    await assert.rejects(writer.write(plan), {
      name: 'PlanningError',
      message: `Expected a plan IRI of the form [${member.account.podUrl}rea/plans/<name>.ttl#plan], as ` +
        'PlanWriter.iris makes, got [urn:test:elsewhere#plan]',
    });
  });

  it('rejects a plan name with a slash.', () => {
    assert.throws(() => writer.iris('../profile'),
      { message: 'Expected a plan name of letters, digits and ._~- only, got [../profile]' });
  });
});
