import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { parseRdf, readRdfFile } from '../../src/rdf/index.js';
import { ShapeValidator } from '../../src/validation/index.js';
import { planningFixture } from './support.js';

describe('The planning shapes', () => {
  let validator: ShapeValidator;

  before(async () => {
    validator = await ShapeValidator.load();
  });

  for (const name of readdirSync(planningFixture('.')).filter((file) => file.endsWith('.ttl')).sort()) {
    it(`accept the fixture ${name}.`, async () => {
      const document = await readRdfFile(planningFixture(name));
      assert.deepEqual(await validator.validate(document.quads, document.source), []);
    });
  }

  it('reject two actions and a bad due date.', async () => {
    const document = await parseRdf(`
      @prefix vf: <https://w3id.org/valueflows/ont/vf#> .
      <#c1> a vf:Commitment ; vf:action vf:work , vf:use ; vf:due "soon" .`,
    { source: 'bad.ttl', baseIRI: 'https://pod.example/' });
    const messages = (await validator.validate(document.quads, document.source)).map((found) => found.message).sort();
    assert.equal(messages.length, 2);
    assert.match(messages[0]!, /vf:action fails sh:MaxCount: a commitment has exactly one vf:action/u);
    assert.match(messages[1]!, /vf:due fails sh:Node: a commitment has at most one vf:due, an xsd:dateTime/u);
  });
});
