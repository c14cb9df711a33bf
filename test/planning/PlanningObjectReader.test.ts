import assert from 'node:assert/strict';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import type { EconomicModel } from '../../src/model/index.js';
import { parseRdf } from '../../src/rdf/index.js';
import { quantityText } from './support.js';

const EX = 'https://pod.example/';
const PREFIXES = '@prefix vf: <https://w3id.org/valueflows/ont/vf#> .\n' +
  '@prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .\n' +
  '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n@prefix ex: <https://pod.example/> .\n';

async function read(body: string): Promise<EconomicModel> {
  return readEconomicModel([await parseRdf(PREFIXES + body, { source: 'doc.ttl', baseIRI: EX })]);
}

describe('The planning part of readEconomicModel', () => {
  it('reads a recipe, its process and a flow linked from the process side.', async () => {
    const model = await read(`
      ex:recipe a vf:Recipe ; vf:name "Bread" ; vf:primaryOutput ex:bread ; vf:recipeIncludes ex:bake .
      ex:bake a vf:RecipeProcess ; vf:processConformsTo ex:baking ; vf:hasRecipeOutput ex:loaf ;
        vf:hasDuration [ vf:hasNumericalValue 45 ; vf:hasUnit om2:minute-Time ] .
      ex:loaf a vf:RecipeFlow ; vf:action vf:produce ; vf:resourceConformsTo ex:bread ; vf:stage ex:proofed ;
        vf:resourceQuantity [ vf:hasNumericalValue 2 ; vf:hasUnit om2:kilogram ] .`);
    assert.deepEqual(model.recipes?.get(`${EX}recipe`)?.recipeIncludes, [`${EX}bake`]);
    const bake = model.recipeProcesses?.get(`${EX}bake`);
    assert.equal(bake?.processConformsTo, `${EX}baking`);
    assert.equal(quantityText(bake?.hasDuration), '45 om2:minute-Time');
    const loaf = model.recipeFlows?.get(`${EX}loaf`);
    assert.equal(loaf?.recipeOutputOf, `${EX}bake`);
    assert.equal(loaf?.stage, `${EX}proofed`);
    assert.equal(quantityText(loaf?.resourceQuantity), '2 om2:kilogram');
    assert.deepEqual(model.problems, []);
  });

  it('reads a plan, a commitment and an intent without taking them for events.', async () => {
    const model = await read(`
      ex:plan a vf:Plan ; vf:due "2026-12-24T08:00:00Z"^^xsd:dateTime ; vf:hasIndependentDemand ex:c1 .
      ex:p1 a vf:Process ; vf:hasOutput ex:c1 .
      ex:c1 a vf:Commitment ; vf:action vf:produce ; vf:provider ex:ana ; vf:receiver ex:ben ; vf:satisfies ex:i1 ;
        vf:due "2026-12-24T08:00:00Z"^^xsd:dateTime ; vf:finished false ;
        vf:resourceQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit om2:one ] .
      ex:i1 a vf:Intent ; vf:action vf:transfer ; vf:receiver ex:ben ; vf:name "Jars wanted" ;
        vf:availableQuantity [ vf:hasNumericalValue 5 ; vf:hasUnit om2:one ] .`);
    assert.equal(model.events.size, 0);
    const commitment = model.commitments?.get(`${EX}c1`);
    assert.equal(commitment?.independentDemandOf, `${EX}plan`);
    assert.equal(commitment?.outputOf, `${EX}p1`);
    assert.equal(commitment?.finished, false);
    assert.deepEqual(commitment?.satisfies, [`${EX}i1`]);
    assert.equal(model.plans?.get(`${EX}plan`)?.due, '2026-12-24T08:00:00Z');
    assert.equal(quantityText(model.intents?.get(`${EX}i1`)?.availableQuantity), '5 om2:one');
    assert.equal(model.intents?.get(`${EX}i1`)?.name, 'Jars wanted');
  });

  it('reads proposals, agreements and claims.', async () => {
    const model = await read(`
      ex:offer a vf:Proposal ; vf:purpose vf:offer ; vf:publishes ex:i1 ; vf:reciprocal ex:i2 ; vf:proposedTo ex:ben .
      ex:deal a vf:Agreement ; vf:stipulates ex:c1 ; vf:stipulatesReciprocal ex:c2 ; vf:realizes ex:e1 .
      ex:c1 a vf:Commitment ; vf:action vf:work .
      ex:c2 a vf:Commitment ; vf:action vf:transfer .
      ex:claim a vf:Claim ; vf:action vf:transfer ; vf:triggeredBy ex:e1 ; vf:receiver ex:ana .`);
    const offer = model.proposals?.get(`${EX}offer`);
    assert.equal(offer?.purpose, 'offer');
    assert.deepEqual([offer?.publishes, offer?.reciprocal, offer?.proposedTo], [[`${EX}i1`], [`${EX}i2`], [`${EX}ben`]]);
    assert.deepEqual(model.agreements?.get(`${EX}deal`)?.realizes, [`${EX}e1`]);
    assert.equal(model.commitments?.get(`${EX}c1`)?.clauseOf, `${EX}deal`);
    assert.equal(model.commitments?.get(`${EX}c2`)?.reciprocalClauseOf, `${EX}deal`);
    assert.equal(model.claims?.get(`${EX}claim`)?.triggeredBy, `${EX}e1`);
  });

  it('skips an actionless flow and reads vf:basedOn.', async () => {
    const model = await read(`
      ex:flow a vf:RecipeFlow ; vf:resourceConformsTo ex:bread .
      ex:bake a vf:RecipeProcess ; vf:basedOn ex:baking .`);
    assert.equal(model.recipeFlows?.size, 0);
    assert.equal(model.recipeProcesses?.get(`${EX}bake`)?.processConformsTo, `${EX}baking`);
    assert.deepEqual(model.problems.map((found) => [found.severity, found.message]), [
      ['error', `RecipeFlow [${EX}flow] must have exactly one vf:action of the 19 ValueFlows 1.0 actions, found none; ` +
        'the recipe flow was skipped'],
      ['warning', `RecipeProcess [${EX}bake] uses vf:basedOn, which VF 1.0 defines for processes; read as vf:processConformsTo`],
    ]);
  });

  it('keeps the link a commitment states when its process lists it elsewhere.', async () => {
    const model = await read(`
      ex:p2 a vf:Process ; vf:hasInput ex:c1 .
      ex:c1 a vf:Commitment ; vf:action vf:consume ; vf:inputOf ex:p1 .`);
    assert.equal(model.commitments?.get(`${EX}c1`)?.inputOf, `${EX}p1`);
    assert.deepEqual(model.problems.map((found) => found.message), [
      `Commitment [${EX}c1] is vf:inputOf [${EX}p1], but process [${EX}p2] also lists it; kept the link stated on the commitment`,
    ]);
  });

  it('reads a proposal purpose written as a string, as upstream examples do.', async () => {
    const model = await read('ex:ask a vf:Proposal ; vf:purpose "request" . ex:odd a vf:Proposal ; vf:purpose "swap" .');
    assert.equal(model.proposals?.get(`${EX}ask`)?.purpose, 'request');
    assert.equal(model.proposals?.get(`${EX}odd`)?.purpose, undefined);
    assert.deepEqual(model.problems.map((found) => found.message), [
      `Proposal [${EX}odd] has the purpose [swap], expected vf:offer or vf:request; the purpose was ignored`,
    ]);
  });

  it('reads a legacy vf:RecipeResource.', async () => {
    const model = await read('ex:flour a vf:RecipeResource ; vf:name "Flour" ; vf:resourceClassifiedAs ex:grain .');
    assert.deepEqual(model.recipeResources?.get(`${EX}flour`)?.resourceClassifiedAs, [`${EX}grain`]);
  });
});
