import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser, Store } from 'n3';
import { OCE_DISTRIBUTION } from '../../src/distribution/index.js';
import { RDFS } from '../../src/vocab/index.js';

const OCE_FILE = fileURLToPath(new URL('../../vocab/oce.ttl', import.meta.url));

describe('The value equation terms of the OCE vocabulary', () => {
  const store = new Store(new Parser().parse(readFileSync(OCE_FILE, 'utf8')));

  for (const localName of OCE_DISTRIBUTION.localNames) {
    it(`describes oce:${localName} with a label and a comment.`, () => {
      assert.equal(store.getQuads(OCE_DISTRIBUTION[localName], RDFS.label, null, null).length, 1);
      assert.equal(store.getQuads(OCE_DISTRIBUTION[localName], RDFS.comment, null, null).length, 1);
    });
  }
});
