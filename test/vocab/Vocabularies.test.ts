import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import { ACTION_IDS } from '../../src/model/index.js';
import { createVocabulary, LEGACY_VF_NAMESPACES, OM2, RDF, VF } from '../../src/vocab/index.js';
import { referencePath } from '../support/referenceData.js';



describe('createVocabulary', () => {
  const EX = createVocabulary('https://e.example/ns#', 'Thing', 'relatesTo');

  it('gives each local name a NamedNode with the full IRI.', () => {
    assert.equal(EX.Thing.termType, 'NamedNode');
    assert.equal(EX.relatesTo.value, 'https://e.example/ns#relatesTo');
  });

  it('returns the local name of a declared term only.', () => {
    assert.equal(EX.localNameOf('https://e.example/ns#Thing'), 'Thing');
    assert.equal(EX.localNameOf('https://e.example/ns#Other'), undefined);
    assert.equal(EX.localNameOf('https://other.example/ns#Thing'), undefined);
  });

  it('rejects a misspelt local name at compile time.', () => {
    // @ts-expect-error EconomicEvnt is not a term of the VF vocabulary.
    const misspelt: unknown = VF.EconomicEvnt;
    assert.equal(misspelt, undefined);
  });
});

describe('The VF vocabulary', () => {
  it('declares the 19 actions.', () => {
    assert.deepEqual(ACTION_IDS.map((action) => VF[action].value), ACTION_IDS.map((action) => `${VF.namespace}${action}`));
    assert.equal(ACTION_IDS.length, 19);
  });

  it('uses the VF 1.0 namespace and lists the legacy ones.', () => {
    assert.equal(VF.namespace, 'https://w3id.org/valueflows/ont/vf#');
    assert.deepEqual([...LEGACY_VF_NAMESPACES], [
      'https://w3id.org/valueflows#', 'http://w3id.org/valueflows/ont/vf#', 'http://w3id.org/valueflows#',
    ]);
  });

  it('names OM 2 units in the OM 2 namespace.', () => {
    assert.equal(OM2.kilogram.value, 'http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram');
  });

  it('declares exactly the terms the VF 1.0 ontology types.', () => {
    const ontology = referencePath('ontology', 'all_vf.TTL');
    const declared = new Set<string>();
    for (const quad of new Parser().parse(readFileSync(ontology, 'utf8'))) {
      if (quad.predicate.equals(RDF.type) && quad.subject.value.startsWith(VF.namespace)) {
        declared.add(quad.subject.value.slice(VF.namespace.length));
      }
    }
    assert.deepEqual([...VF.localNames].sort(), [...declared].sort());
  });
});
