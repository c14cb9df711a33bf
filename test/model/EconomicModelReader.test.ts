import assert from 'node:assert/strict';
import { Decimal, formatDecimal } from '../../src/model/index.js';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import { parseRdf } from '../../src/rdf/index.js';
import type { ParsedDocument } from '../../src/rdf/index.js';

const PREFIXES = '@prefix vf: <https://w3id.org/valueflows/ont/vf#> .\n' +
  '@prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .\n' +
  '@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix org: <http://www.w3.org/ns/org#> .\n' +
  '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n@prefix ex: <https://pod.example/> .\n';
const EX = 'https://pod.example/';
const OM2 = 'http://www.ontology-of-units-of-measure.org/resource/om-2/';

async function turtle(body: string, source = 'doc.ttl'): Promise<ParsedDocument> {
  return parseRdf(PREFIXES + body, { source, baseIRI: EX });
}

describe('readEconomicModel', () => {
  it('reads a typed event with its quantities and links.', async () => {
    const model = readEconomicModel([await turtle(`
      ex:e1 a vf:EconomicEvent ; vf:action vf:transfer ; vf:provider ex:alice ; vf:receiver ex:bob ;
        vf:resourceInventoriedAs ex:r1 ; vf:toResourceInventoriedAs ex:r2 ;
        vf:resourceQuantity [ vf:hasNumericalValue "0.1"^^xsd:decimal ; vf:hasUnit om2:kilogram ] ;
        vf:hasPointInTime "2026-12-04T10:00:00Z"^^xsd:dateTimeStamp ; vf:fulfills ex:c1 , ex:c2 ;
        vf:resourceClassifiedAs ex:apples , "fruit" ; vf:note "first" .`)]);
    const event = model.events.get(`${EX}e1`);
    assert.ok(event !== undefined);
    assert.equal(event.action, 'transfer');
    assert.equal(event.source, 'doc.ttl');
    assert.equal(event.provider, `${EX}alice`);
    assert.equal(event.receiver, `${EX}bob`);
    assert.equal(event.resourceInventoriedAs, `${EX}r1`);
    assert.equal(event.toResourceInventoriedAs, `${EX}r2`);
    assert.ok(event.resourceQuantity?.value.equals(new Decimal('0.1')));
    assert.equal(event.resourceQuantity?.unit, `${OM2}kilogram`);
    assert.equal(event.hasPointInTime, '2026-12-04T10:00:00Z');
    assert.deepEqual(event.fulfills, [`${EX}c1`, `${EX}c2`]);
    assert.deepEqual(event.resourceClassifiedAs, [`${EX}apples`, 'fruit']);
    assert.equal(event.note, 'first');
    assert.deepEqual(model.problems, []);
  });

  it('reads a measure given by IRI and keeps its digits exactly.', async () => {
    const model = readEconomicModel([await turtle(`
      ex:e1 a vf:EconomicEvent ; vf:action vf:work ; vf:effortQuantity ex:q1 .
      ex:q1 vf:hasNumericalValue 12345678901234567890.123456789 ; vf:hasUnit om2:hour .`)]);
    const quantity = model.events.get(`${EX}e1`)?.effortQuantity;
    assert.equal(quantity === undefined ? undefined : formatDecimal(quantity.value), '12345678901234567890.123456789');
  });

  it('reads an untyped node with vf:action as an event and says so.', async () => {
    const model = readEconomicModel([await turtle('ex:e1 vf:action vf:produce ; vf:receiver ex:bob .')]);
    assert.equal(model.events.get(`${EX}e1`)?.action, 'produce');
    assert.deepEqual(model.problems.map((each) => each.message), [
      `Read 1 nodes that have vf:action but no rdf:type as EconomicEvents: [${EX}e1]`,
    ]);
  });

  it('does not read an untyped flow with only planned-flow properties as an event.', async () => {
    const model = readEconomicModel([await turtle('ex:c1 vf:action vf:produce ; vf:due "2026-12-24T00:00:00Z" .')]);
    assert.equal(model.events.size, 0);
  });

  it('reads an untyped flow with an event-only property as an event.', async () => {
    const model = readEconomicModel([await turtle('ex:e1 vf:action vf:produce ; vf:due "x" ; vf:fulfills ex:c1 .')]);
    assert.equal(model.events.size, 1);
  });

  it('ignores flows typed elsewhere as commitments.', async () => {
    const commitments = await turtle('ex:c1 a vf:Commitment .', 'commitments.ttl');
    const flows = await turtle('ex:c1 vf:action vf:produce .', 'flows.ttl');
    assert.equal(readEconomicModel([commitments, flows]).events.size, 0);
  });

  describe('skips an event it cannot read', () => {
    const cases: [string, string, string][] = [
      ['an unknown action', 'ex:e1 a vf:EconomicEvent ; vf:action vf:pass .',
        `Event [${EX}e1] has the unknown action [https://w3id.org/valueflows/ont/vf#pass], expected one of the 19 ` +
          'ValueFlows 1.0 actions; the event was skipped'],
      ['no action', 'ex:e1 a vf:EconomicEvent .',
        `Event [${EX}e1] must have exactly one vf:action, found none; the event was skipped`],
      ['a measure without unit', 'ex:e1 a vf:EconomicEvent ; vf:action vf:consume ; vf:resourceQuantity [ vf:hasNumericalValue 3 ] .',
        `[${EX}e1] vf:resourceQuantity: expected exactly one unit IRI for vf:hasUnit, found none; the event was skipped`],
      ['a non-numeric value',
        'ex:e1 a vf:EconomicEvent ; vf:action vf:consume ; vf:resourceQuantity [ vf:hasNumericalValue "three" ; vf:hasUnit om2:one ] .',
        `[${EX}e1] vf:resourceQuantity: the numerical value [three] is not a decimal number; the event was skipped`],
      ['a unit given as an unknown word',
        'ex:e1 a vf:EconomicEvent ; vf:action vf:consume ; vf:resourceQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit "liter" ] .',
        `[${EX}e1] vf:resourceQuantity: expected exactly one unit IRI for vf:hasUnit, found [liter]; the event was skipped`],
    ];
    for (const [name, body, message] of cases) {
      it(`with ${name}, naming the event and the document.`, async () => {
        const model = readEconomicModel([await turtle(body, 'bad.ttl')]);
        assert.equal(model.events.size, 0);
        assert.deepEqual(model.problems, [{ severity: 'error', message, subject: `${EX}e1`, source: 'bad.ttl' }]);
      });
    }
  });

  it('keeps the first statement of an event stated in two documents.', async () => {
    const first = await turtle('ex:e1 a vf:EconomicEvent ; vf:action vf:produce .', 'first.ttl');
    const second = await turtle('ex:e1 a vf:EconomicEvent ; vf:action vf:consume .', 'second.ttl');
    const model = readEconomicModel([first, second]);
    assert.equal(model.events.get(`${EX}e1`)?.action, 'produce');
    assert.deepEqual(model.problems, [{
      severity: 'warning',
      message: `EconomicEvent [${EX}e1] is stated again in [second.ttl]; kept its first statement from [first.ttl]`,
      subject: `${EX}e1`,
      source: 'second.ttl',
    }]);
  });

  it('carries the documents\' own problems first.', async () => {
    const legacy = await parseRdf('<https://pod.example/e1> a <https://w3id.org/valueflows#EconomicEvent> ; ' +
      '<https://w3id.org/valueflows#action> <https://w3id.org/valueflows#transfer-custody> .', { source: 'legacy.ttl' });
    const model = readEconomicModel([legacy]);
    assert.equal(model.events.get(`${EX}e1`)?.action, 'transferCustody');
    assert.deepEqual(model.problems, legacy.problems);
    assert.equal(model.problems.length, 2);
  });

  it('links events to a process from its vf:hasInput and vf:hasOutput.', async () => {
    const model = readEconomicModel([await turtle(`
      ex:p1 a vf:Process ; vf:name "Bake" ; vf:hasInput ex:e1 ; vf:hasOutput ex:e2 .
      ex:e1 a vf:EconomicEvent ; vf:action vf:consume .
      ex:e2 a vf:EconomicEvent ; vf:action vf:produce .`)]);
    assert.equal(model.events.get(`${EX}e1`)?.inputOf, `${EX}p1`);
    assert.equal(model.events.get(`${EX}e2`)?.outputOf, `${EX}p1`);
    assert.equal(model.processes.get(`${EX}p1`)?.name, 'Bake');
  });

  it('ignores and reports vf:hasInput on a node that is not a process.', async () => {
    const model = readEconomicModel([await turtle(`
      ex:e1 a vf:EconomicEvent ; vf:action vf:consume ; vf:hasInput ex:e2 .
      ex:e2 a vf:EconomicEvent ; vf:action vf:use .`)]);
    assert.equal(model.events.get(`${EX}e2`)?.inputOf, undefined);
    assert.deepEqual(model.problems.map((each) => each.message), [
      `[${EX}e1] uses vf:hasInput, which only a vf:Process may use, for 1 node(s); the links were ignored`,
    ]);
  });

  it('reads resources, agents and specifications.', async () => {
    const model = readEconomicModel([await turtle(`
      ex:r1 a vf:EconomicResource ; vf:name "Apples" ; vf:conformsTo ex:apples ; vf:primaryAccountable ex:alice ;
        vf:accountingQuantity [ vf:hasNumericalValue 230 ; vf:hasUnit om2:kilogram ] .
      ex:alice a vf:Person ; vf:name "Alice" .
      ex:coop a org:Organization ; foaf:name "Coop" .
      ex:apples a vf:ResourceSpecification ; vf:name "Apples" ; vf:defaultUnitOfResource om2:kilogram .
      ex:usd a vf:ResourceSpecification ; vf:mediumOfExchange true .
      ex:baking a vf:ProcessSpecification ; vf:name "Baking" .`)]);
    const resource = model.resources.get(`${EX}r1`);
    assert.equal(resource?.conformsTo, `${EX}apples`);
    assert.equal(resource?.primaryAccountable, `${EX}alice`);
    assert.equal(resource?.accountingQuantity?.value.toFixed(), '230');
    assert.deepEqual([...model.agents.values()].map((agent) => [agent.kind, agent.name]), [['Person', 'Alice'], ['Organization', 'Coop']]);
    assert.equal(model.resourceSpecifications.get(`${EX}apples`)?.defaultUnitOfResource, `${OM2}kilogram`);
    assert.equal(model.resourceSpecifications.get(`${EX}usd`)?.mediumOfExchange, true);
    assert.equal(model.processSpecifications.get(`${EX}baking`)?.name, 'Baking');
    assert.deepEqual(model.problems, []);
  });

  it('keeps the first of two different quantities of a resource and reports both.', async () => {
    const model = readEconomicModel([await turtle(`
      ex:r1 a vf:EconomicResource ;
        vf:accountingQuantity [ vf:hasNumericalValue 8 ; vf:hasUnit om2:one ] , [ vf:hasNumericalValue 9 ; vf:hasUnit om2:one ] .`)]);
    assert.equal(model.resources.get(`${EX}r1`)?.accountingQuantity?.value.toFixed(), '8');
    assert.deepEqual(model.problems.map((each) => each.message), [
      `[${EX}r1] has several values for vf:accountingQuantity: [8 om2:one], [9 om2:one]; kept the first`,
    ]);
  });

  it('keeps an invalid time as written and reports it once per document.', async () => {
    const model = readEconomicModel([await turtle('ex:e1 a vf:EconomicEvent ; vf:action vf:work ; vf:hasBeginning "2019-04-08 10:30" .')]);
    assert.equal(model.events.get(`${EX}e1`)?.hasBeginning, '2019-04-08 10:30');
    assert.deepEqual(model.problems.map((each) => each.message), [
      'Kept 1 time values as written although they are not xsd:dateTime values, so they may sort wrongly: ' +
        `[${EX}e1] vf:hasBeginning [2019-04-08 10:30]`,
    ]);
  });
});
