/**
 * Generates a network's crawl result in memory, without a Solid server: a network of
 * organizations with projects and processes, people who work on those processes, and
 * organizations that consume, produce and pay. Every document sits in the pod of the agent whose
 * events it states, so the pod ownership rule keeps every event. Host names end in `.invalid`,
 * so nothing here can reach a network.
 */
import type { NetworkCrawlResult, PodCrawlReport } from '../../src/crawler/index.js';
import { parseRdf } from '../../src/rdf/index.js';
import type { ParsedDocument } from '../../src/rdf/index.js';

const PREFIXES = `@prefix vf: <https://w3id.org/valueflows/ont/vf#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
`;

/** Sizes of the generated network. */
export interface NetworkShape {
  events: number;
  organizations: number;
  projectsPerOrganization: number;
  processesPerProject: number;
  people: number;
  days: number;
}

/** The generated crawl result and the IRIs whose views a benchmark requests. */
export interface GeneratedNetwork {
  result: NetworkCrawlResult;
  network: string;
  organization: string;
  project: string;
  person: string;
  events: number;
  documents: number;
}

const webId = (name: string): string => `https://${name}.bench.invalid/profile/card#me`;
const storage = (name: string): string => `https://${name}.bench.invalid/`;
const projectIri = (org: number, project: number): string => `${storage(`org${org}`)}rea/projects.ttl#p${project}`;
const processIri = (org: number, project: number, process: number): string =>
  `${storage(`org${org}`)}rea/projects.ttl#p${project}-process${process}`;
const resourceIri = (org: number): string => `${storage(`org${org}`)}rea/projects.ttl#stock`;

function dayOf(index: number, days: number): string {
  const date = new Date(Date.UTC(2026, 0, 1) + (index % days) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** Writes the organization document: its projects, their processes, its stock and the money it holds. */
function organizationDocument(org: number, shape: NetworkShape): string {
  const lines = [`<${webId(`org${org}`)}> a vf:Organization ; vf:name "Organization ${org}" .`,
    `<#stock> a vf:EconomicResource ; vf:name "Stock of organization ${org}" ; vf:primaryAccountable <${webId(`org${org}`)}> .`];
  for (let project = 0; project < shape.projectsPerOrganization; project += 1) {
    lines.push(`<#p${project}> a org:OrganizationalUnit ; vf:name "Project ${project}" ; ` +
      `org:subOrganizationOf <${webId(`org${org}`)}> .`);
    for (let process = 0; process < shape.processesPerProject; process += 1) {
      lines.push(`<#p${project}-process${process}> a vf:Process ; vf:inScopeOf <${projectIri(org, project)}> .`);
    }
  }
  return PREFIXES + lines.join('\n');
}

/** Writes one event; the kind depends on its index: mostly work, then production, use of stock and payment. */
function eventText(index: number, shape: NetworkShape): { pod: string; day: string; text: string } {
  const org = index % shape.organizations;
  const project = Math.floor(index / shape.organizations) % shape.projectsPerOrganization;
  const process = processIri(org, project, index % shape.processesPerProject);
  const day = dayOf(index, shape.days);
  const time = `"${day}T${String(8 + (index % 10)).padStart(2, '0')}:00:00Z"^^xsd:dateTime`;
  const person = `person${index % shape.people}`;
  const amount = `${1 + (index % 7)}.${index % 4}5`;
  const id = `<#e${index}>`;
  switch (index % 10) {
    case 7:
      return { pod: `org${org}`, day, text: `${id} a vf:EconomicEvent ; vf:action vf:produce ; vf:outputOf <${process}> ; ` +
        `vf:provider <${webId(`org${org}`)}> ; vf:receiver <${webId(`org${org}`)}> ; vf:resourceInventoriedAs <${resourceIri(org)}> ; ` +
        `vf:resourceQuantity [ vf:hasNumericalValue ${amount} ; vf:hasUnit om2:one ] ; vf:hasPointInTime ${time} .` };
    case 8:
      return { pod: `org${org}`, day, text: `${id} a vf:EconomicEvent ; vf:action vf:consume ; vf:inputOf <${process}> ; ` +
        `vf:provider <${webId(`org${org}`)}> ; vf:receiver <${webId(`org${org}`)}> ; vf:resourceInventoriedAs <${resourceIri(org)}> ; ` +
        `vf:resourceQuantity [ vf:hasNumericalValue 1 ; vf:hasUnit om2:one ] ; vf:hasPointInTime ${time} .` };
    case 9:
      return { pod: `org${org}`, day, text: `${id} a vf:EconomicEvent ; vf:action vf:transfer ; ` +
        `vf:provider <${webId(`org${org}`)}> ; vf:receiver <${webId(person)}> ; vf:resourceConformsTo <https://net.bench.invalid/rea/specs.ttl#euro> ; ` +
        `vf:resourceQuantity [ vf:hasNumericalValue ${amount}0 ; vf:hasUnit om2:one ] ; vf:hasPointInTime ${time} .` };
    default:
      return { pod: person, day, text: `${id} a vf:EconomicEvent ; vf:action vf:work ; vf:inputOf <${process}> ; ` +
        `vf:provider <${webId(person)}> ; vf:receiver <${webId(`org${org}`)}> ; ` +
        `vf:effortQuantity [ vf:hasNumericalValue ${amount} ; vf:hasUnit om2:hour ] ; vf:hasPointInTime ${time} .` };
  }
}

function podReport(name: string): PodCrawlReport {
  return {
    webId: webId(name), storage: storage(name), depth: 1, typeIndexes: [], containers: [`${storage(name)}rea/`],
    seen: 0, loaded: 0, downloaded: 0, unchanged: 0, rejected: 0, failed: 0, coverage: 1, durationMs: 0, complete: true,
    stale: null, errors: [], quarantined: [],
  };
}

/** Generates the network, parsing every document with the project's own RDF reader. */
export async function generateNetwork(shape: NetworkShape): Promise<GeneratedNetwork> {
  const texts = new Map<string, string[]>();
  const organizations = Array.from({ length: shape.organizations }, (_, org) => `org${org}`);
  const people = Array.from({ length: shape.people }, (_, person) => `person${person}`);
  organizations.forEach((name, org) => texts.set(`${storage(name)}rea/projects.ttl`, [organizationDocument(org, shape)]));
  texts.set('https://net.bench.invalid/rea/specs.ttl', [`${PREFIXES}<#euro> a vf:ResourceSpecification ; ` +
    'vf:name "Euro" ; vf:mediumOfExchange true .', ...people.map((name) => `<${webId(name)}> a vf:Person .`)]);
  for (let index = 0; index < shape.events; index += 1) {
    const { pod, day, text } = eventText(index, shape);
    const url = `${storage(pod)}rea/events/${day}.ttl`;
    const lines = texts.get(url) ?? [PREFIXES];
    lines.push(text);
    texts.set(url, lines);
  }

  const documents: ParsedDocument[] = await Promise.all([...texts].map(async ([source, lines]) =>
    parseRdf(lines.join('\n'), { source, contentType: 'text/turtle' })));

  const members = [...organizations, ...people];
  const network = webId('net');
  const pods = ['net', ...members].map(podReport);
  const result: NetworkCrawlResult = {
    crawledAt: '2026-12-04T00:00:00.000Z',
    networks: [{ webId: network, depth: 0, members: members.map(webId), memberOf: [] }],
    members: members.map((name) => ({ webId: webId(name), depth: 1, members: [], memberOf: [network] })),
    memberships: members.map((name) => ({
      network, member: webId(name), id: null, roles: [], from: null, until: null, source: `${storage('net')}rea/members.ttl`,
    })),
    documents: documents.map((document) => ({ ...document, loadedAt: '2026-12-04T00:00:00.000Z' })),
    report: {
      crawledAt: '2026-12-04T00:00:00.000Z', durationMs: 0, roots: [network], pods, cycles: [], duplicates: [], problems: [],
      totals: {
        pods: pods.length, stalePods: 0, seen: documents.length, loaded: documents.length, downloaded: documents.length,
        unchanged: 0, rejected: 0, failed: 0, coverage: 1,
      },
    },
    problems: [],
  };
  return {
    result, network, organization: webId('org0'), project: projectIri(0, 0), person: webId('person0'),
    events: shape.events, documents: documents.length,
  };
}
