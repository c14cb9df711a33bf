import assert from 'node:assert/strict';
import { PodInitializer, PodLayout, REA_CONTAINERS } from '../../src/pod/index.js';
import type { PodInitResult } from '../../src/pod/index.js';
import { SolidDocumentClient } from '../../src/solid/index.js';
import type { SolidServer } from '../../src/solid/index.js';
import { assertIsomorphic, turtle } from '../support/rdfAssertions.js';
import { createTestMember, sharedSolidServer } from '../support/sharedSolidServer.js';
import type { TestMember } from '../support/sharedSolidServer.js';

const PREFIXES = `
@prefix solid: <http://www.w3.org/ns/solid/terms#>.
@prefix vf: <https://w3id.org/valueflows/ont/vf#>.
@prefix foaf: <http://xmlns.com/foaf/0.1/>.
@prefix pim: <http://www.w3.org/ns/pim/space#>.
`;

describe('A PodInitializer', () => {
  let server: SolidServer;
  let member: TestMember;
  let layout: PodLayout;
  let client: SolidDocumentClient;
  let first: PodInitResult;
  let second: PodInitResult;

  before(async function () {
    this.timeout(60000);
    server = await sharedSolidServer();
    member = await createTestMember(server, 'init');
    layout = new PodLayout(member.account.podUrl);
    client = new SolidDocumentClient(member.session.fetch);
    const initializer = new PodInitializer({
      fetch: member.session.fetch, webId: member.account.webId, storage: member.account.podUrl,
    });
    first = await initializer.initialize();
    second = await initializer.initialize();
  });

  after(async () => {
    await member.session.logout();
  });

  it('creates the rea container and its nine sub-containers.', async () => {
    const expected = [layout.rea, ...REA_CONTAINERS.map((name) => layout.container(name))];
    assert.deepEqual(first.createdContainers, expected);
    for (const url of expected) {
      assert.equal(await client.exists(url), true, url);
    }
  });

  it('writes the public type index with its registrations.', async () => {
    const index = await client.read(layout.publicTypeIndex);
    const rea = layout.rea;
    assertIsomorphic(index!.quads, turtle(`${PREFIXES}
      <> a solid:TypeIndex, solid:ListedDocument.
      <#EconomicResource> a solid:TypeRegistration; solid:forClass vf:EconomicResource; solid:instanceContainer <${rea}resources/>.
      <#ResourceSpecification> a solid:TypeRegistration; solid:forClass vf:ResourceSpecification; solid:instanceContainer <${rea}resources/>.
      <#Process> a solid:TypeRegistration; solid:forClass vf:Process; solid:instanceContainer <${rea}processes/>.
      <#ProcessSpecification> a solid:TypeRegistration; solid:forClass vf:ProcessSpecification; solid:instanceContainer <${rea}processes/>.
      <#Agent> a solid:TypeRegistration; solid:forClass vf:Agent; solid:instanceContainer <${rea}agents/>.
      <#Plan> a solid:TypeRegistration; solid:forClass vf:Plan; solid:instanceContainer <${rea}plans/>.
      <#Recipe> a solid:TypeRegistration; solid:forClass vf:Recipe; solid:instanceContainer <${rea}recipes/>.
      <#Intent> a solid:TypeRegistration; solid:forClass vf:Intent; solid:instanceContainer <${rea}intents/>.
    `, layout.publicTypeIndex));
  });

  it('writes the private type index with its registrations.', async () => {
    const index = await client.read(layout.privateTypeIndex);
    const rea = layout.rea;
    assertIsomorphic(index!.quads, turtle(`${PREFIXES}
      <> a solid:TypeIndex, solid:UnlistedDocument.
      <#EconomicEvent> a solid:TypeRegistration; solid:forClass vf:EconomicEvent; solid:instanceContainer <${rea}events/>.
      <#Commitment> a solid:TypeRegistration; solid:forClass vf:Commitment; solid:instanceContainer <${rea}commitments/>.
      <#Agreement> a solid:TypeRegistration; solid:forClass vf:Agreement; solid:instanceContainer <${rea}agreements/>.
    `, layout.privateTypeIndex));
  });

  it('links both indexes and the storage from the profile.', async () => {
    const profileUrl = member.account.webId.split('#')[0]!;
    const profile = await client.read(profileUrl);
    assertIsomorphic(profile!.quads, turtle(`${PREFIXES}
      <> a foaf:PersonalProfileDocument; foaf:maker <#me>; foaf:primaryTopic <#me>.
      <#me> a foaf:Person; solid:oidcIssuer <${server.baseUrl}>;
        solid:publicTypeIndex <${layout.publicTypeIndex}>;
        solid:privateTypeIndex <${layout.privateTypeIndex}>;
        pim:storage <${layout.storage}>.
    `, profileUrl));
  });

  it('lets anyone read the public index but not the private one.', async () => {
    const publicIndex = await fetch(layout.publicTypeIndex);
    assert.equal(publicIndex.status, 200);
    await publicIndex.body?.cancel();
    const privateIndex = await fetch(layout.privateTypeIndex);
    assert.equal(privateIndex.status, 401);
    await privateIndex.body?.cancel();
  });

  it('reports every addition on the first run.', () => {
    assert.deepEqual(first.addedRegistrations, { public: 8, private: 3 });
    assert.equal(first.addedProfileTriples, 3);
  });

  it('changes nothing on a second run.', async () => {
    assert.deepEqual(second, {
      createdContainers: [], addedRegistrations: { public: 0, private: 0 }, addedProfileTriples: 0,
    });
    const index = await client.read(layout.publicTypeIndex);
    assert.equal(index!.quads.length, 26);
  });

  it('adds only a missing registration to an index written by hand.', async () => {
    const other = await createTestMember(server, 'partial');
    try {
      const otherLayout = new PodLayout(other.account.podUrl);
      const otherClient = new SolidDocumentClient(other.session.fetch);
      await otherClient.put(otherLayout.privateTypeIndex, turtle(`${PREFIXES}
        <> a solid:TypeIndex, solid:UnlistedDocument.
        <#mine> a solid:TypeRegistration; solid:forClass vf:EconomicEvent; solid:instanceContainer <${otherLayout.rea}events/>.
      `, otherLayout.privateTypeIndex));
      const result = await new PodInitializer({
        fetch: other.session.fetch, webId: other.account.webId, storage: other.account.podUrl,
      }).initialize();
      assert.deepEqual(result.addedRegistrations, { public: 8, private: 2 });
      const index = await otherClient.read(otherLayout.privateTypeIndex);
      const eventRegistrations = index!.quads.filter((quad) => quad.object.value.endsWith('vf#EconomicEvent'));
      assert.equal(eventRegistrations.length, 1);
    } finally {
      await other.session.logout();
    }
  });
});
