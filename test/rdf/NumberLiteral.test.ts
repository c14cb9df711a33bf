import assert from 'node:assert/strict';
import { numberLiteral } from '../../src/rdf/NumberLiteral.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';

describe('numberLiteral', () => {
  it('writes an exponent typed xsd:decimal in plain notation.', () => {
    const literal = numberLiteral('1e2', `${XSD}decimal`);
    assert.equal(literal.value, '100');
    assert.equal(literal.datatype.value, `${XSD}decimal`);
  });

  it('keeps a plain decimal typed xsd:decimal as written.', () => {
    assert.equal(numberLiteral('2.50', `${XSD}decimal`).value, '2.50');
  });

  it('keeps an out-of-range exponent as written, for validation to report.', () => {
    assert.equal(numberLiteral('1e5000', `${XSD}decimal`).value, '1e5000');
  });

  it('types a number with an exponent as xsd:double without a context datatype.', () => {
    const literal = numberLiteral('1e2');
    assert.equal(literal.value, '1e2');
    assert.equal(literal.datatype.value, `${XSD}double`);
  });
});
