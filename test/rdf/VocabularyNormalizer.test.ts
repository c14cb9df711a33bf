import assert from 'node:assert/strict';
import { parseRdf } from '../../src/rdf/index.js';
import type { ParsedDocument } from '../../src/rdf/index.js';
import { OM2, SKOS, VF, XSD } from '../../src/vocab/index.js';
import { literal, namedNode } from './terms.js';

const EVENT = 'https://pod.example/e1';

async function turtle(body: string): Promise<ParsedDocument> {
  const prefixes = '@prefix vf: <https://w3id.org/valueflows/ont/vf#> .\n@prefix old: <https://w3id.org/valueflows#> .\n';
  return parseRdf(prefixes + body, { source: 'test.ttl', baseIRI: 'https://pod.example/' });
}

function objectsOf(document: ParsedDocument, predicate: string): string[] {
  return document.quads.filter((each) => each.predicate.value === predicate).map((each) => each.object.value);
}

function messages(document: ParsedDocument): string[] {
  return document.problems.map((each) => each.message);
}

describe('A VocabularyNormalizer', () => {
  it('rewrites the legacy namespace and reports it once with a count.', async () => {
    const document = await turtle('<e1> a old:EconomicEvent ; old:action old:produce .');
    assert.deepEqual(document.quads.map((each) => each.object.value), [VF.EconomicEvent.value, VF.produce.value]);
    assert.deepEqual(messages(document), [
      'Normalized 3 terms from the legacy namespace [https://w3id.org/valueflows#] to [https://w3id.org/valueflows/ont/vf#]',
    ]);
  });

  it('rewrites the http forms of the namespace that upstream examples use.', async () => {
    const text = '<https://pod.example/e1> <http://w3id.org/valueflows/ont/vf#action> <http://w3id.org/valueflows#use> .';
    const document = await parseRdf(text, { source: 'test.nt' });
    assert.deepEqual([document.quads[0]?.predicate, document.quads[0]?.object], [VF.action, VF.use]);
    assert.equal(document.problems.length, 2);
  });

  describe('renames kebab-case actions', () => {
    const cases: [string, string][] = [
      ['transfer-all-rights', 'transferAllRights'],
      ['transfer-custody', 'transferCustody'],
      ['deliver-service', 'deliverService'],
    ];
    for (const [legacy, current] of cases) {
      it(`reads vf:${legacy} as vf:${current}.`, async () => {
        const document = await turtle(`<e1> vf:action vf:${legacy} .`);
        assert.deepEqual(objectsOf(document, VF.action.value), [`${VF.namespace}${current}`]);
        assert.deepEqual(messages(document), [`Renamed 1 kebab-case action names to VF 1.0 camelCase: [${legacy}] to [${current}] (1)`]);
      });
    }
  });

  it('renames transfer-complete to transfer.', async () => {
    const document = await turtle('<e1> vf:action vf:transfer-complete .');
    assert.deepEqual(objectsOf(document, VF.action.value), [VF.transfer.value]);
    assert.deepEqual(messages(document), [
      'Renamed 1 actions of older ValueFlows versions to their VF 1.0 action: [transfer-complete] to [transfer] (1)',
    ]);
  });

  it('leaves pass and fail alone, since they have no single VF 1.0 action.', async () => {
    const document = await turtle('<e1> vf:action vf:pass . <e2> vf:action vf:fail .');
    assert.deepEqual(objectsOf(document, VF.action.value), [`${VF.namespace}pass`, `${VF.namespace}fail`]);
    assert.deepEqual(messages(document), []);
  });

  it('reads actions written as strings as action IRIs.', async () => {
    const document = await turtle('<e1> vf:action "produce" . <e2> vf:action "transfer-all-rights" . <e3> vf:action "vf:use" .');
    const expected = [VF.produce.value, VF.transferAllRights.value, VF.use.value];
    assert.deepEqual(objectsOf(document, VF.action.value), expected);
    assert.deepEqual(messages(document), [
      'Read 3 actions written as strings as action IRIs: [produce] (1), [transfer-all-rights] (1), [vf:use] (1)',
      'Renamed 1 kebab-case action names to VF 1.0 camelCase: [transfer-all-rights] to [transferAllRights] (1)',
    ]);
  });

  it('reads the OM 2 measure properties as the VF ones.', async () => {
    const text = '@prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .\n' +
      '<m1> om2:hasNumericalValue 3 ; om2:hasUnit om2:one .';
    const document = await turtle(text);
    assert.deepEqual(document.quads.map((each) => each.predicate), [VF.hasNumericalValue, VF.hasUnit]);
    assert.deepEqual(messages(document), [
      'Read 2 OM 2 measure properties as their ValueFlows sub-properties: [om2:hasNumericalValue] to ' +
        '[vf:hasNumericalValue] (1), [om2:hasUnit] to [vf:hasUnit] (1)',
    ]);
  });

  it('reads bare unit words by OM 2 name and by label.', async () => {
    const document = await turtle('<m1> vf:hasUnit "one" . <m2> vf:hasUnit "hour" . <m3> vf:hasUnit "Kilogram" . ' +
      '<m4> vf:hasUnit "foot (international)" . <m5> vf:hasUnit "om2:litre" .');
    assert.deepEqual(objectsOf(document, VF.hasUnit.value), [
      OM2.one.value, OM2.hour.value, OM2.kilogram.value, `${OM2.namespace}foot-International`, OM2.litre.value,
    ]);
    assert.deepEqual(messages(document), [
      'Read 5 units written as strings as unit IRIs: [one] to [om2:one] (1), [hour] to [om2:hour] (1), ' +
        '[Kilogram] to [om2:kilogram] (1), [foot (international)] to [om2:foot-International] (1), ' +
        '[om2:litre] to [om2:litre] (1)',
    ]);
  });

  it('keeps a unit word that names no OM 2 unit as a literal.', async () => {
    const document = await turtle('<m1> vf:hasUnit "liter" .');
    assert.deepEqual(document.quads[0]?.object, literal('liter'));
    assert.deepEqual(messages(document), []);
  });

  it('reads unit words on the unit properties of resources and specifications.', async () => {
    const document = await turtle('<s1> vf:defaultUnitOfResource "kilogram" ; vf:defaultUnitOfEffort "hour" .');
    assert.deepEqual(document.quads.map((each) => each.object), [OM2.kilogram, OM2.hour]);
  });

  describe('corrects misspelt terms', () => {
    const cases: [string, string][] = [
      ['resourceconformsTo', 'resourceConformsTo'],
      ['recipeoutputOf', 'recipeOutputOf'],
      ['DefaultUnitOfResource', 'defaultUnitOfResource'],
      ['resourceConforms', 'resourceConformsTo'],
    ];
    for (const [misspelt, correct] of cases) {
      it(`reads vf:${misspelt} as vf:${correct}.`, async () => {
        const document = await turtle(`<x> vf:${misspelt} <y> .`);
        assert.equal(document.quads[0]?.predicate.value, `${VF.namespace}${correct}`);
        assert.deepEqual(messages(document), [`Corrected 1 misspelt ValueFlows terms: [vf:${misspelt}] to [vf:${correct}] (1)`]);
      });
    }
  });

  it('does not guess between terms that differ only in case.', async () => {
    const document = await turtle('<x> vf:ACCOUNTINGEFFECT <y> .');
    assert.equal(document.quads[0]?.predicate.value, `${VF.namespace}ACCOUNTINGEFFECT`);
    assert.deepEqual(messages(document), [
      'Found 1 uses of terms that ValueFlows 1.0 does not define; they are kept but not read: [vf:ACCOUNTINGEFFECT] (1)',
    ]);
  });

  it('reads string values of reference properties as IRIs, expanding declared prefixes.', async () => {
    const text = JSON.stringify({
      '@context': [{ '@vocab': VF.namespace }, { mfg: 'https://manufacturing.example/' }],
      '@id': 'mfg:e1', provider: 'https://alice.example/', inputOf: 'mfg:p1', note: 'mfg:not-a-reference',
    });
    const document = await parseRdf(text, { source: 'test.jsonld' });
    assert.deepEqual(objectsOf(document, VF.provider.value), ['https://alice.example/']);
    assert.deepEqual(objectsOf(document, VF.inputOf.value), ['https://manufacturing.example/p1']);
    assert.deepEqual(document.quads.find((each) => each.predicate.equals(VF.note))?.object, literal('mfg:not-a-reference'));
    assert.deepEqual(messages(document), [
      'Read 2 string values of reference properties as IRIs: [vf:inputOf] (1), [vf:provider] (1)',
    ]);
  });

  it('expands undeclared well-known prefixes such as skos:.', async () => {
    const text = JSON.stringify({ '@id': 'https://e.example/a', 'skos:note': 'x' });
    const document = await parseRdf(text, { source: 'test.jsonld' });
    assert.deepEqual(document.quads[0]?.predicate, SKOS.note);
    assert.deepEqual(messages(document), [
      'Expanded 1 terms written with the undeclared prefix [skos:] to [http://www.w3.org/2004/02/skos/core#]',
    ]);
  });

  it('leaves current VF data unchanged and reports nothing.', async () => {
    const document = await turtle('<e1> a vf:EconomicEvent ; vf:action vf:produce ; vf:provider <https://a.example/> .');
    assert.deepEqual(messages(document), []);
    assert.deepEqual(document.quads[2]?.object, namedNode('https://a.example/'));
    assert.equal(EVENT, document.quads[0]?.subject.value);
  });

  it('keeps typed literals of reference properties as they are.', async () => {
    const document = await turtle('<e1> vf:provider "42"^^<http://www.w3.org/2001/XMLSchema#integer> .');
    assert.deepEqual(document.quads[0]?.object, literal('42', XSD.integer));
  });

  it('repairs a date-time written with one-digit hours into an xsd:dateTime.', async () => {
    const document = await turtle('<e1> vf:hasPointInTime "2019-04-18T8:30:08-5:00" .');
    assert.deepEqual(document.quads[0]?.object, literal('2019-04-18T08:30:08-05:00', XSD.dateTime));
    assert.deepEqual(messages(document), [
      'Repaired 1 date-times written with a one-digit hour: [2019-04-18T8:30:08-5:00] to [2019-04-18T08:30:08-05:00] (1)',
    ]);
  });

  it('keeps a date-time that is still invalid after the repair as written.', async () => {
    const document = await turtle('<e1> vf:hasPointInTime "2019-13-18T8:30:08" .');
    assert.deepEqual(document.quads[0]?.object, literal('2019-13-18T8:30:08'));
    assert.deepEqual(messages(document), []);
  });

  it('drops a blank-node measure that repeats an identical one of the same property.', async () => {
    const document = await turtle(`<e1> vf:resourceQuantity [ vf:hasNumericalValue 3 ; vf:hasUnit <${OM2.one.value}> ] ,
      [ vf:hasNumericalValue 3.0 ; vf:hasUnit <${OM2.one.value}> ] .`);
    assert.equal(objectsOf(document, VF.resourceQuantity.value).length, 1);
    assert.equal(objectsOf(document, VF.hasNumericalValue.value).length, 1);
    assert.deepEqual(messages(document), [
      'Dropped 1 measures that repeat an identical measure of the same subject and property',
    ]);
  });

  it('keeps two different measures of the same property.', async () => {
    const document = await turtle(`<e1> vf:accountingQuantity [ vf:hasNumericalValue 8 ; vf:hasUnit <${OM2.one.value}> ] ,
      [ vf:hasNumericalValue 9 ; vf:hasUnit <${OM2.one.value}> ] .`);
    assert.deepEqual(objectsOf(document, VF.hasNumericalValue.value).sort(), ['8', '9']);
    assert.deepEqual(messages(document), []);
  });
});
