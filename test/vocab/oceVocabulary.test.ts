import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser, Store } from 'n3';
import { OCE, ORG, RDFS } from '../../src/vocab/index.js';

const OCE_FILE = fileURLToPath(new URL('../../vocab/oce.ttl', import.meta.url));

describe('The OCE vocabulary document', () => {
  const store = new Store(new Parser().parse(readFileSync(OCE_FILE, 'utf8')));

  for (const localName of OCE.localNames) {
    it(`gives oce:${localName} a label and a comment.`, () => {
      assert.equal(store.getQuads(OCE[localName], RDFS.label, null, null).length, 1);
      assert.equal(store.getQuads(OCE[localName], RDFS.comment, null, null).length, 1);
    });
  }

  it('makes oce:Network a subclass of org:Organization.', () => {
    assert.equal(store.getQuads(OCE.Network, RDFS.subClassOf, ORG.Organization, null).length, 1);
  });

  it('gives oce:Problem its severity, message, subject and source.', () => {
    const properties = store.getQuads(null, RDFS.domain, OCE.Problem, null).map((each) => each.subject.value).sort();
    assert.deepEqual(properties, [OCE.message.value, OCE.severity.value, OCE.source.value, OCE.subject.value]);
  });
});
