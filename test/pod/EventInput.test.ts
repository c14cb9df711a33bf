import assert from 'node:assert/strict';
import { EventInputError, eventQuads } from '../../src/pod/index.js';
import { assertIsomorphic, turtle } from '../support/rdfAssertions.js';

const HOUR = 'http://www.ontology-of-units-of-measure.org/resource/om-2/hour';
const DAY = 'http://localhost:3000/ada/rea/events/2026/12/09.ttl';
const PLAN = 'http://localhost:3000/woodshop/rea/commitments/stools.ttl';

describe('eventQuads', () => {
  it('links an event to every commitment it fulfills.', () => {
    const quads = eventQuads({
      id: 'early-work', action: 'work', hasPointInTime: '2026-12-09T13:00:00Z',
      effortQuantity: { value: '5', unit: HOUR },
      fulfills: [`${PLAN}#commitment-4`, `${PLAN}#commitment-5`],
    }, DAY);
    assertIsomorphic(quads, turtle(`
      @prefix vf: <https://w3id.org/valueflows/ont/vf#>.
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
      <#early-work> a vf:EconomicEvent; vf:action vf:work;
        vf:hasPointInTime "2026-12-09T13:00:00Z"^^xsd:dateTime;
        vf:fulfills <${PLAN}#commitment-4>, <${PLAN}#commitment-5>;
        vf:effortQuantity <#early-work-effortQuantity>.
      <#early-work-effortQuantity> vf:hasNumericalValue "5"^^xsd:decimal; vf:hasUnit <${HOUR}>.
    `, DAY));
  });

  it('rejects a fulfilled commitment that is no absolute IRI.', () => {
    const input = { action: 'use', fulfills: [`${PLAN}#commitment-3`, 'commitment-4'] };
    assert.throws(() => eventQuads(input, DAY), (error: unknown) => {
      assert.ok(error instanceof EventInputError);
      assert.equal(error.field, 'fulfills');
      assert.equal(error.message, 'Expected an absolute IRI for [fulfills], got [commitment-4]');
      return true;
    });
  });
});
