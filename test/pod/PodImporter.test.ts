import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PodImporter, PodInitializer } from '../../src/pod/index.js';
import type { ImportResult } from '../../src/pod/index.js';
import { SolidDocumentClient } from '../../src/solid/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { assertIsomorphic, turtle } from '../support/rdfAssertions.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';

const PREFIXES = `
@prefix vf: <https://w3id.org/valueflows/ont/vf#>.
@prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/>.
@prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
`;

const FARM = `${PREFIXES}
<#alice> a vf:Person; vf:name "Alice".
<https://example.org/bob> a vf:Person; vf:name "Bob".
<#apples> a vf:EconomicResource; vf:name "Apples";
  vf:accountingQuantity [ vf:hasNumericalValue 10; vf:hasUnit om2:kilogram ].
<#harvest> a vf:Process; vf:name "Harvest".
<#e1> a vf:EconomicEvent; vf:action vf:produce; vf:provider <#alice>; vf:outputOf <#harvest>;
  vf:resourceInventoriedAs <#apples>; vf:hasPointInTime "2026-12-04T09:00:00Z"^^xsd:dateTime;
  vf:resourceQuantity [ vf:hasNumericalValue 10; vf:hasUnit om2:kilogram ].
<#e2> a vf:EconomicEvent; vf:action vf:work; vf:provider <#alice>; vf:inputOf <#harvest>;
  vf:effortQuantity [ vf:hasNumericalValue 2; vf:hasUnit om2:hour ].
<#note> vf:note "untyped".
`;

const MARKET_YAML = `"@context":
  vf: https://w3id.org/valueflows/ont/vf#
"@graph":
  - "@id": "#sale"
    "@type": vf:EconomicEvent
    vf:action: { "@id": vf:transfer }
    vf:provider: { "@id": "farm.ttl#alice" }
    vf:hasPointInTime: "2026-12-05T15:00:00+01:00"
`;

describe('A PodImporter', () => {
  let server: SolidServer;
  let member: TestMember;
  let folder: string;
  let client: SolidDocumentClient;
  let first: ImportResult;
  let second: ImportResult;
  let rea: string;

  before(async function () {
    this.timeout(60000);
    server = await sharedSolidServer();
    member = await createTestMember(server, 'importer');
    rea = `${member.account.podUrl}rea/`;
    client = new SolidDocumentClient(member.session.fetch);
    const options = { fetch: member.session.fetch, webId: member.account.webId, storage: member.account.podUrl };
    await new PodInitializer(options).initialize();
    folder = await mkdtemp(path.join(tmpdir(), 'oce-import-'));
    await writeFile(path.join(folder, 'farm.ttl'), FARM);
    await writeFile(path.join(folder, 'market.yaml'), MARKET_YAML);
    await writeFile(path.join(folder, 'broken.ttl'), '<#a> <#b> "unterminated');
    const files = ['farm.ttl', 'market.yaml', 'broken.ttl'].map((name) => path.join(folder, name));
    const importer = new PodImporter(options);
    first = await importer.importFiles(files);
    second = await importer.importFiles(files);
  });

  after(async () => {
    await member.session.logout();
    await rm(folder, { recursive: true, force: true });
  });

  it('writes one document per container and file.', () => {
    assert.deepEqual([...first.documentsWritten].sort(), [
      `${rea}agents/farm.ttl`, `${rea}processes/farm.ttl`, `${rea}resources/farm-other.ttl`, `${rea}resources/farm.ttl`,
    ]);
  });

  it('keeps blank nodes of a resource document.', async () => {
    const document = await client.read(`${rea}resources/farm.ttl`);
    assertIsomorphic(document!.quads, turtle(`${PREFIXES}
      <#apples> a vf:EconomicResource; vf:name "Apples";
        vf:accountingQuantity [ vf:hasNumericalValue 10; vf:hasUnit om2:kilogram ].
    `, `${rea}resources/farm.ttl`));
  });

  it('keeps absolute IRIs and rebases file IRIs.', async () => {
    const document = await client.read(`${rea}agents/farm.ttl`);
    assertIsomorphic(document!.quads, turtle(`${PREFIXES}
      <#alice> a vf:Person; vf:name "Alice".
      <https://example.org/bob> a vf:Person; vf:name "Bob".
    `, `${rea}agents/farm.ttl`));
    const farmUrl = pathToFileURL(path.join(folder, 'farm.ttl')).href;
    assert.equal(first.iriMap.get(`${farmUrl}#alice`), `${rea}agents/farm.ttl#alice`);
    assert.equal(first.iriMap.get(`${farmUrl}#e1`), `${rea}events/2026/12/04.ttl#farm-e1`);
  });

  it('appends events to their day documents, undated ones to undated.ttl.', async () => {
    assert.deepEqual([...first.eventDocuments].sort(), [
      `${rea}events/2026/12/04.ttl`, `${rea}events/2026/12/05.ttl`, `${rea}events/undated.ttl`,
    ]);
    assert.equal(first.eventsRecorded, 3);
    const day = `${rea}events/2026/12/04.ttl`;
    const document = await client.read(day);
    assertIsomorphic(document!.quads, turtle(`${PREFIXES}
      <#farm-e1> a vf:EconomicEvent; vf:action vf:produce; vf:provider <../../../agents/farm.ttl#alice>;
        vf:outputOf <../../../processes/farm.ttl#harvest>;
        vf:resourceInventoriedAs <../../../resources/farm.ttl#apples>;
        vf:hasPointInTime "2026-12-04T09:00:00Z"^^xsd:dateTime;
        vf:resourceQuantity <#farm-e1-node1>.
      <#farm-e1-node1> vf:hasNumericalValue 10; vf:hasUnit om2:kilogram.
    `, day));
  });

  it('maps a link from a YAML-LD file to a subject of another file.', async () => {
    const day = `${rea}events/2026/12/05.ttl`;
    const document = await client.read(day);
    const provider = document!.quads.find((quad) => quad.predicate.value.endsWith('#provider'));
    assert.equal(provider!.subject.value, `${day}#market-sale`);
    assert.equal(provider!.object.value, `${rea}agents/farm.ttl#alice`);
  });

  it('reports a file that does not parse and imports the others.', () => {
    const errors = first.problems.filter((entry) => entry.severity === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.source, path.join(folder, 'broken.ttl'));
  });

  it('changes nothing when the same files are imported again.', async () => {
    assert.equal(second.eventsRecorded, 0);
    assert.equal(second.eventsAlreadyRecorded, 3);
    const document = await client.read(`${rea}events/2026/12/04.ttl`);
    assert.equal(document!.quads.length, 9);
  });
});
