import assert from 'node:assert/strict';
import { AccessGranter, PodInitializer } from '../../../src/pod/index.js';
import type { TestMember } from '../../support/sharedSolidServer.js';

export const PREFIXES = `@prefix vf: <https://w3id.org/valueflows/ont/vf#> .
@prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
`;

/** Turtle of one `raise` event of `quantity` units on `resource`, provided and received by `agent`. */
export function raiseEvent(iri: string, agent: string, resource: string, quantity: string): string {
  return `<${iri}> a vf:EconomicEvent ; vf:action vf:raise ; vf:provider <${agent}> ; vf:receiver <${agent}> ;
  vf:resourceInventoriedAs <${resource}> ; vf:hasPointInTime "2026-12-01T10:00:00Z"^^xsd:dateTime ;
  vf:resourceQuantity [ a vf:Measure ; vf:hasNumericalValue ${quantity} ; vf:hasUnit om2:one ] .
`;
}

/** Turtle of one `work` event of `hours` hours by `agent`. */
export function workEvent(iri: string, agent: string, hours: string): string {
  return `<${iri}> a vf:EconomicEvent ; vf:action vf:work ; vf:provider <${agent}> ; vf:receiver <${agent}> ;
  vf:hasPointInTime "2026-12-02T10:00:00Z"^^xsd:dateTime ;
  vf:effortQuantity [ a vf:Measure ; vf:hasNumericalValue ${hours} ; vf:hasUnit om2:hour ] .
`;
}

/** Writes a Turtle document with the member's own session and asserts that the server stored it. */
export async function putTurtle(member: TestMember, path: string, body: string): Promise<void> {
  const response = await member.session.fetch(`${member.account.podUrl}${path}`, {
    method: 'PUT', headers: { 'content-type': 'text/turtle' }, body,
  });
  assert.ok(response.status === 201 || response.status === 205, `PUT ${path} returned ${response.status}`);
}

/** Lays out the member's pod and, when a grantee is given, grants it read access to `/rea/`. */
export async function preparePod(member: TestMember, grantee?: string): Promise<void> {
  const options = { fetch: member.session.fetch, webId: member.account.webId, storage: member.account.podUrl };
  await new PodInitializer(options).initialize();
  if (grantee !== undefined) {
    await new AccessGranter(options).grantRead(grantee);
  }
}
