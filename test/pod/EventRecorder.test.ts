import assert from 'node:assert/strict';
import { Parser } from 'n3';
import { EventAlreadyRecordedError, EventRecorder, PodLayout, eventQuads } from '../../src/pod/index.js';
import { SolidDocumentClient } from '../../src/solid/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { assertIsomorphic, turtle } from '../support/rdfAssertions.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';

const HOUR = 'http://www.ontology-of-units-of-measure.org/resource/om-2/hour';

describe('An EventRecorder', () => {
  let server: SolidServer;
  let member: TestMember;
  let recorder: EventRecorder;
  let client: SolidDocumentClient;
  let layout: PodLayout;

  before(async function () {
    this.timeout(60000);
    server = await sharedSolidServer();
    member = await createTestMember(server, 'recorder');
    recorder = new EventRecorder({ fetch: member.session.fetch, storage: member.account.podUrl });
    client = new SolidDocumentClient(member.session.fetch);
    layout = new PodLayout(member.account.podUrl);
  });

  after(async () => {
    await member.session.logout();
  });

  it('creates the day document of the event time in UTC.', async () => {
    const recorded = await recorder.record({
      id: 'work1', action: 'work', provider: member.account.webId,
      hasPointInTime: '2026-12-04T23:30:00-02:00', effortQuantity: { value: '2.50', unit: HOUR },
    });
    const document = `${layout.rea}events/2026/12/05.ttl`;
    assert.deepEqual(recorded, { eventIri: `${document}#work1`, document });
    const stored = await client.read(document);
    assertIsomorphic(stored!.quads, turtle(`
      @prefix vf: <https://w3id.org/valueflows/ont/vf#>.
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
      <#work1> a vf:EconomicEvent; vf:action vf:work; vf:provider <${member.account.webId}>;
        vf:hasPointInTime "2026-12-04T23:30:00-02:00"^^xsd:dateTime;
        vf:effortQuantity <#work1-effortQuantity>.
      <#work1-effortQuantity> vf:hasNumericalValue "2.5"^^xsd:decimal; vf:hasUnit <${HOUR}>.
    `, document));
  });

  it('appends a second event without changing the first.', async () => {
    await recorder.record({ id: 'a', action: 'use', hasPointInTime: '2026-11-01T08:00:00Z' });
    await recorder.record({ id: 'b', action: 'consume', hasPointInTime: '2026-11-01T09:00:00Z' });
    const stored = await client.read(`${layout.rea}events/2026/11/01.ttl`);
    const subjects = [...new Set(stored!.quads.map((quad) => quad.subject.value))].sort();
    assert.deepEqual(subjects, [`${layout.rea}events/2026/11/01.ttl#a`, `${layout.rea}events/2026/11/01.ttl#b`]);
    assert.equal(stored!.quads.length, 6);
  });

  it('appends after a note with quotes and non-ASCII text.', async () => {
    const note = 'He said "hi" … ünï 🙂';
    await recorder.record({ id: 'noted', action: 'use', hasPointInTime: '2026-08-08T08:00:00Z', note });
    await recorder.record({ id: 'after', action: 'use', hasPointInTime: '2026-08-08T09:00:00Z' });
    const document = `${layout.rea}events/2026/08/08.ttl`;
    const response = await member.session.fetch(document, { headers: { accept: 'application/n-triples' } });
    const quads = new Parser({ format: 'N-Triples' }).parse(await response.text());
    const subjects = [...new Set(quads.map((quad) => quad.subject.value))].sort();
    assert.deepEqual(subjects, [`${document}#after`, `${document}#noted`]);
    const stored = quads.find((quad) => quad.predicate.value === 'https://w3id.org/valueflows/ont/vf#note');
    assert.equal(stored?.object.value, note);
    assert.equal(quads.length, 7);
  });

  it('rejects an event IRI that the day document already has.', async () => {
    await recorder.record({ id: 'dup', action: 'use', hasPointInTime: '2026-10-10T10:00:00Z' });
    const again = recorder.record({ id: 'dup', action: 'produce', hasPointInTime: '2026-10-10T12:00:00Z' });
    await assert.rejects(again, (error: unknown) => {
      assert.ok(error instanceof EventAlreadyRecordedError);
      assert.equal(error.eventIri, `${layout.rea}events/2026/10/10.ttl#dup`);
      return true;
    });
    const stored = await client.read(`${layout.rea}events/2026/10/10.ttl`);
    assert.equal(stored!.quads.length, 3);
  });

  it('records quads built elsewhere and puts an undated event in undated.ttl.', async () => {
    const document = `${layout.rea}events/undated.ttl`;
    const quads = eventQuads({ id: 'nodate', action: 'cite' }, document);
    const recorded = await recorder.recordQuads(quads);
    assert.equal(recorded.document, document);
    const stored = await client.read(document);
    assertIsomorphic(stored!.quads, quads);
  });

  it('names blank nodes after the event, since N3 Patch cannot insert them.', async () => {
    const document = `${layout.rea}events/2026/09/09.ttl`;
    const quads = turtle(`
      @prefix vf: <https://w3id.org/valueflows/ont/vf#>.
      <#blank> a vf:EconomicEvent; vf:action vf:work; vf:hasPointInTime "2026-09-09T09:00:00Z";
        vf:effortQuantity [ vf:hasNumericalValue 3; vf:hasUnit <${HOUR}> ].
    `, document);
    await recorder.recordQuads(quads);
    const stored = await client.read(document);
    assertIsomorphic(stored!.quads, turtle(`
      @prefix vf: <https://w3id.org/valueflows/ont/vf#>.
      <#blank> a vf:EconomicEvent; vf:action vf:work; vf:hasPointInTime "2026-09-09T09:00:00Z";
        vf:effortQuantity <#blank-node1>.
      <#blank-node1> vf:hasNumericalValue 3; vf:hasUnit <${HOUR}>.
    `, document));
  });

  it('rejects quads about two IRIs.', async () => {
    const quads = [
      ...eventQuads({ id: 'one', action: 'cite' }, `${layout.rea}x.ttl`),
      ...eventQuads({ id: 'two', action: 'cite' }, `${layout.rea}x.ttl`),
    ];
    await assert.rejects(recorder.recordQuads(quads),
      /Expected quads about exactly one subject typed vf:EconomicEvent, got \[.+#one, .+#two\]/u);
  });

  it('rejects an unknown action and a bad time.', async () => {
    await assert.rejects(recorder.record({ action: 'steal', hasPointInTime: '2026-01-01' }),
      /Expected a VF 1.0 action name such as \[work\] or \[transfer\], got \[steal\]/u);
    await assert.rejects(recorder.record({ action: 'use', hasPointInTime: 'yesterday' }),
      /got \[yesterday\]/u);
  });
});
