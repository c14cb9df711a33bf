import { readFile } from 'node:fs/promises';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import { parseRdf } from '../../src/rdf/index.js';
import type { ParsedDocument } from '../../src/rdf/index.js';
import { AccountingViews, ScopeTree } from '../../src/views/index.js';

/** The IRIs of the view fixture's agents, resources, documents and events. */
export const IRI = {
  network: 'https://net.test/profile#me',
  shop: 'https://shop.test/profile#me',
  project: 'https://shop.test/chairs#project',
  pat: 'https://pat.test/profile#me',
  quinn: 'https://quinn.test/profile#me',
  outsider: 'https://outsider.test/profile#me',
  euro: 'https://net.test/specs#euro',
  chair: 'https://net.test/specs#chair',
  networkDocument: 'https://net.test/rea/network.ttl',
  shopDocument: 'https://shop.test/rea/shop.ttl',
  quinnDocument: 'https://quinn.test/rea/quinn.ttl',
  one: 'http://www.ontology-of-units-of-measure.org/resource/om-2/one',
  hour: 'http://www.ontology-of-units-of-measure.org/resource/om-2/hour',
} as const;

/** IRI of an event or resource of the shop's document. */
export const shop = (name: string): string => `${IRI.shopDocument}#${name}`;

/** IRI of an event of Quinn's document. */
export const quinn = (name: string): string => `${IRI.quinnDocument}#${name}`;

const FILES: [string, string][] = [
  ['network.ttl', IRI.networkDocument], ['shop.ttl', IRI.shopDocument], ['quinn.ttl', IRI.quinnDocument],
];

/** Network and member pairs of the fixture: the network lists the shop, Pat and Quinn. */
export const MEMBERSHIPS = [IRI.shop, IRI.pat, IRI.quinn].map((member) => ({ network: IRI.network, member }));

/** Parses the view fixture's documents, each under the URL it would have in a pod. */
export async function readViewFixture(): Promise<ParsedDocument[]> {
  return Promise.all(FILES.map(async ([file, source]) => {
    const text = await readFile(new URL(`../fixtures/views/${file}`, import.meta.url), 'utf8');
    return parseRdf(text, { source, contentType: 'text/turtle' });
  }));
}

/** Builds the accounting views of the fixture network. */
export async function fixtureViews(): Promise<AccountingViews> {
  const documents = await readViewFixture();
  const model = readEconomicModel(documents);
  const scopes = new ScopeTree({
    roots: [IRI.network], memberships: MEMBERSHIPS, quads: documents.flatMap((document) => document.quads), model,
  });
  return new AccountingViews({ model, scopes, problems: model.problems });
}
