import assert from 'node:assert/strict';
import { Parser } from 'n3';
import { equationQuads } from '../../src/distribution/index.js';
import { readRdfFile } from '../../src/rdf/index.js';
import { ShapeValidator } from '../../src/validation/index.js';
import { fixturePath } from './loadExample.js';

const OCE = 'https://w3id.org/oce/ns#';
const PREFIXES = '@prefix oce: <https://w3id.org/oce/ns#> . @prefix ex: <https://example.org/> . ' +
  '@prefix vf: <https://w3id.org/valueflows/ont/vf#> .\n';

describe('The value equation shapes', () => {
  let validator: ShapeValidator;

  before(async () => {
    validator = await ShapeValidator.load();
  });

  it('accept the example equations.', async () => {
    const document = await readRdfFile(fixturePath('equations.ttl'));
    assert.deepEqual(await validator.validate(equationQuads(document.quads), document.source), []);
  });

  it('report a bucket without an order and with two sizes.', async () => {
    const quads = new Parser().parse(`${PREFIXES}ex:e a oce:ValueEquation ; oce:bucket ex:b .
      ex:b oce:percentOfTotal 10 ; oce:fixedAmount 5 ; oce:fixedShareTo ex:ann .`);
    const messages = (await validator.validate(equationQuads(quads), 'bad.ttl')).map((found) => found.message);
    assert.deepEqual(messages.sort(), [
      `[https://example.org/b] [${OCE}order] fails sh:MinCount: a bucket has exactly one oce:order, an xsd:integer; ` +
        'found none',
      '[https://example.org/b] the node fails sh:Xone: a bucket states exactly one of oce:percentOfTotal, ' +
        'oce:percentOfRemainder and oce:fixedAmount; found [https://example.org/b]',
    ].sort());
  });

  it('report a rule with an unknown action and a percentage over 100.', async () => {
    const quads = new Parser().parse(`${PREFIXES}ex:e a oce:ValueEquation ; oce:bucket ex:b .
      ex:b oce:order 1 ; oce:percentOfTotal 100 ; oce:rule ex:r .
      ex:r oce:formula "hours" ; oce:selectsAction vf:dance ; oce:passBackPercent 120 .`);
    const problems = await validator.validate(equationQuads(quads), 'bad.ttl');
    const rule = problems.filter((found) => found.subject === 'https://example.org/r').map((found) => found.message);
    assert.deepEqual(rule.sort(), [
      `[https://example.org/r] [${OCE}passBackPercent] fails sh:Node: a bucket rule has at most one ` +
        'oce:passBackPercent, a number from 0 to 100; found [120]',
      `[https://example.org/r] [${OCE}selectsAction] fails sh:In: oce:selectsAction is one of the 19 ValueFlows 1.0 ` +
        'actions; found [https://w3id.org/valueflows/ont/vf#dance]',
    ].sort());
  });

  it('keep only the equation, its buckets and their rules.', () => {
    const quads = new Parser().parse(`${PREFIXES}ex:e a oce:ValueEquation ; oce:bucket ex:b .
      ex:b oce:rule ex:r . ex:r oce:formula "1" . ex:other vf:name "not part of it" .`);
    assert.deepEqual(equationQuads(quads).map((quad) => quad.subject.value),
      ['https://example.org/e', 'https://example.org/e', 'https://example.org/b', 'https://example.org/r']);
  });
});
