import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import type { EconomicModel } from '../../src/model/index.js';
import { readRdfFile } from '../../src/rdf/index.js';
import { AccountingViews, ScopeTree } from '../../src/views/index.js';
import { planningFixture } from './support.js';

/** Files of the planning network fixture in `test/fixtures/planning/network/`. */
export const NETWORK_FILES = [
  'valley.ttl', 'hills.ttl', 'ana.ttl', 'kitchen.ttl', 'farm.ttl', 'apples.ttl', 'recipes.ttl', 'outsider.ttl',
].map((name) => planningFixture(`network/${name}`));

/** IRIs of the fixture's agents, documents and specifications. */
export const N = {
  valley: 'https://valley.example/profile#me',
  hills: 'https://hills.example/profile#me',
  kitchen: 'https://kitchen.example/profile#me',
  farm: 'https://farm.example/profile#me',
  orchard: 'https://farm.example/orchard#project',
  ana: 'https://ana.example/profile#me',
  outsider: 'https://outsider.example/profile#me',
  other: 'https://other.example/profile#me',
  jam: 'https://kitchen.example/rea/jam.ttl#',
  cider: 'https://farm.example/rea/cider.ttl#',
  apples: 'https://farm.example/rea/apples.ttl#',
  needs: 'https://ana.example/rea/needs.ttl#',
  deal: 'https://outsider.example/rea/deal.ttl#',
  recipes: 'https://kitchen.example/rea/recipes.ttl#',
  specs: 'https://valley.example/specs#',
  om2: 'http://www.ontology-of-units-of-measure.org/resource/om-2/',
} as const;

/** The memberships the fixture states: Valley lists the kitchen, Hills and Ana; Hills lists the farm. */
export const MEMBERSHIPS = [
  { network: N.valley, member: N.kitchen }, { network: N.valley, member: N.hills },
  { network: N.valley, member: N.ana }, { network: N.hills, member: N.farm },
];

/** The fixture's model, scope hierarchy and accounting views. */
export interface NetworkFixture {
  model: EconomicModel;
  scopes: ScopeTree;
  views: AccountingViews;
}

/** Reads the fixture network as an aggregator would see it after a crawl of Valley. */
export async function readNetworkFixture(): Promise<NetworkFixture> {
  const documents = await Promise.all(NETWORK_FILES.map((file) => readRdfFile(file)));
  const model = readEconomicModel(documents);
  const scopes = new ScopeTree({
    roots: [N.valley], memberships: MEMBERSHIPS, quads: documents.flatMap((document) => document.quads), model,
  });
  return { model, scopes, views: new AccountingViews({ model, scopes, problems: model.problems }) };
}

/** Shortens the fixture's IRIs for compact expectations: `jam#stir`, `farm`, `kilogram`, `apple`. */
export function short(iri: string | null | undefined): string {
  if (iri === null || iri === undefined) {
    return '-';
  }
  const agents = Object.entries(N).find(([, value]) => value === iri);
  if (agents !== undefined) {
    return agents[0];
  }
  for (const name of ['jam', 'cider', 'apples', 'needs', 'deal', 'recipes'] as const) {
    if (iri.startsWith(N[name])) {
      return `${name}#${iri.slice(N[name].length)}`;
    }
  }
  return iri.replace(N.specs, '').replace(N.om2, '');
}
