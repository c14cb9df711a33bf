import assert from 'node:assert/strict';
import { partitionTriples } from '../../src/store/partitionTriples.js';
import { blankNode, literal, namedNode, quad } from '../rdf/terms.js';

const EX = 'http://example.org/';
const P = namedNode(`${EX}p`);

describe('partitionTriples', () => {
  it('cuts triples without blank nodes at the batch size.', () => {
    const triples = [1, 2, 3, 4, 5].map((value) => quad(namedNode(`${EX}s${value}`), P, literal(String(value))));
    const sizes = partitionTriples(triples, 2).map((batch) => batch.length);
    assert.deepEqual(sizes, [2, 2, 1]);
  });

  it('keeps triples linked through a chain of blank nodes in one batch.', () => {
    const chain = [
      quad(namedNode(`${EX}a`), P, blankNode('b1')),
      quad(namedNode(`${EX}c`), P, literal('x')),
      quad(blankNode('b1'), P, blankNode('b2')),
      quad(blankNode('b2'), P, literal('end')),
    ];
    const batches = partitionTriples(chain, 2);
    assert.equal(batches.length, 2);
    assert.deepEqual(batches[0], [chain[0], chain[2], chain[3]]);
    assert.deepEqual(batches[1], [chain[1]]);
  });

  it('rejects a batch size below one.', () => {
    assert.throws(() => partitionTriples([], 0), /Invalid batch size \[0\]\. Expected a positive integer\./u);
  });
});
