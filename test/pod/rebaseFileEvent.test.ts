import assert from 'node:assert/strict';
import { EventInputError, rebaseFileEvent } from '../../src/pod/index.js';
import { assertIsomorphic, turtle } from '../support/rdfAssertions.js';

const FILE = 'file:///tmp/records/event.ttl';
const DAY = 'http://localhost:3000/alice/rea/events/2026/12/04.ttl';
const PREFIXES = `@prefix vf: <https://w3id.org/valueflows/ont/vf#>.
  @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
  @prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/>.
`;

describe('rebaseFileEvent', () => {
  it('moves the event and its measure into the day document.', () => {
    const quads = turtle(`${PREFIXES}
      <#ev1> a vf:EconomicEvent; vf:action vf:work; vf:provider <http://localhost:3000/alice/profile/card#me>;
        vf:effortQuantity <#m1>; vf:hasPointInTime "2026-12-04T10:00:00Z"^^xsd:dateTime.
      <#m1> vf:hasNumericalValue 2; vf:hasUnit om2:hour.
    `, FILE);
    assertIsomorphic(rebaseFileEvent(quads, FILE, DAY), turtle(`${PREFIXES}
      <#ev1> a vf:EconomicEvent; vf:action vf:work; vf:provider <http://localhost:3000/alice/profile/card#me>;
        vf:effortQuantity <#ev1-m1>; vf:hasPointInTime "2026-12-04T10:00:00Z"^^xsd:dateTime.
      <#ev1-m1> vf:hasNumericalValue 2; vf:hasUnit om2:hour.
    `, DAY));
  });

  it('keeps a subject name that already starts with the event name.', () => {
    const quads = turtle(`${PREFIXES}
      <#ev1> a vf:EconomicEvent; vf:effortQuantity <#ev1-effort>.
      <#ev1-effort> vf:hasNumericalValue 2.
    `, FILE);
    assertIsomorphic(rebaseFileEvent(quads, FILE, DAY), turtle(`${PREFIXES}
      <#ev1> a vf:EconomicEvent; vf:effortQuantity <#ev1-effort>.
      <#ev1-effort> vf:hasNumericalValue 2.
    `, DAY));
  });

  it('keeps an absolute event IRI and names its subjects after it.', () => {
    const quads = turtle(`${PREFIXES}
      <https://example.org/e/7> a vf:EconomicEvent; vf:effortQuantity <#m>.
      <#m> vf:hasNumericalValue 1.
    `, FILE);
    assertIsomorphic(rebaseFileEvent(quads, FILE, DAY), turtle(`${PREFIXES}
      <https://example.org/e/7> a vf:EconomicEvent; vf:effortQuantity <https://example.org/e/7-m>.
      <https://example.org/e/7-m> vf:hasNumericalValue 1.
    `, DAY));
  });

  it('names a blank-node event in the day document.', () => {
    const quads = turtle(`${PREFIXES} [] a vf:EconomicEvent; vf:action vf:use.`, FILE);
    const rebased = rebaseFileEvent(quads, FILE, DAY);
    assert.equal(rebased.length, 2);
    assert.match(rebased[0]!.subject.value, new RegExp(`^${DAY}#[0-9a-f-]{36}$`, 'u'));
    assert.equal(rebased[1]!.subject.value, rebased[0]!.subject.value);
  });

  it('rejects a relative IRI that names no subject of the file.', () => {
    const quads = turtle(`${PREFIXES} <#ev1> a vf:EconomicEvent; vf:resourceInventoriedAs <#apples>.`, FILE);
    assert.throws(() => rebaseFileEvent(quads, FILE, DAY), new EventInputError('file',
      `Relative IRI [${FILE}#apples] names no subject of the file; ` +
      'write it as an absolute IRI, such as the URL of the resource in the pod'));
  });

  it('rejects a file with two events.', () => {
    const quads = turtle(`${PREFIXES} <#a> a vf:EconomicEvent. <#b> a vf:EconomicEvent.`, FILE);
    assert.throws(() => rebaseFileEvent(quads, FILE, DAY), new EventInputError('file',
      `Expected exactly one subject typed vf:EconomicEvent in [${FILE}], got 2`));
  });
});
