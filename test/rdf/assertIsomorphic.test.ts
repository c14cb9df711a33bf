import assert from 'node:assert/strict';
import { assertIsomorphic } from './assertIsomorphic.js';
import { blankNode, literal, namedNode, quad } from './terms.js';

const p = namedNode('https://example.org/p');
const q = namedNode('https://example.org/q');

describe('The assertIsomorphic test helper', () => {
  it('accepts datasets that differ only in blank node labels.', () => {
    const actual = [quad(blankNode('a'), p, blankNode('b')), quad(blankNode('b'), q, literal('1'))];
    const expected = [quad(blankNode('x'), p, blankNode('y')), quad(blankNode('y'), q, literal('1'))];
    assertIsomorphic(actual, expected);
  });

  it('rejects datasets whose blank nodes are linked differently.', () => {
    const actual = [quad(blankNode('a'), p, blankNode('b')), quad(blankNode('b'), q, literal('1'))];
    const expected = [quad(blankNode('x'), p, blankNode('y')), quad(blankNode('x'), q, literal('1'))];
    assert.throws(() => assertIsomorphic(actual, expected), /not isomorphic/u);
  });

  it('rejects a literal with another datatype.', () => {
    const integer = namedNode('http://www.w3.org/2001/XMLSchema#integer');
    assert.throws(() => assertIsomorphic([quad(p, p, literal('1', integer))], [quad(p, p, literal('1'))]), /not isomorphic/u);
  });
});
