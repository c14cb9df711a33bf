import { fileURLToPath } from 'node:url';
import type { Quad } from 'n3';
import {
  ContributionDeriver, distribute, distributionToJson, readPriceList, readScopeParents, ValueEquationReader,
} from '../../src/distribution/index.js';
import type { ContributionSet, DistributionJson, DistributionOptions, ValueEquation } from '../../src/distribution/index.js';
import { parseDecimal } from '../../src/model/index.js';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import { readRdfFile } from '../../src/rdf/index.js';

/** Absolute path of a fixture in `test/fixtures/distribution/`. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/distribution/${name}`, import.meta.url));
}

/** IRIs of the example network. */
export const COOP = 'https://coop.example/';
export const EQ = 'https://coop.example/equations/';
export const EUR = `${COOP}eur`;

/** The print network's data and equations, read as the CLI reads them. */
export interface Example {
  quads: Quad[];
  reader: ValueEquationReader;
  contributions: ContributionSet;
  scopeParents: Map<string, string[]>;
}

/** Reads `printing.ttl` and `equations.ttl`. */
export async function loadExample(): Promise<Example> {
  const documents = [await readRdfFile(fixturePath('printing.ttl')), await readRdfFile(fixturePath('equations.ttl'))];
  const quads = documents.flatMap((document) => document.quads);
  const model = readEconomicModel(documents);
  const contributions = new ContributionDeriver(model, { network: `${COOP}network`, prices: readPriceList(quads) })
    .derive();
  return { quads, reader: new ValueEquationReader(quads), contributions, scopeParents: readScopeParents(quads) };
}

/** Runs the example equation `name` on `amount` euros and returns the JSON explanation. */
export function runExample(example: Example, name: string, amount: string,
  options: Partial<DistributionOptions> = {}): DistributionJson {
  const equation: ValueEquation = example.reader.read(`${EQ}${name}`);
  const result = distribute(equation, parseDecimal(amount), {
    contributions: example.contributions, currency: EUR, scopeParents: example.scopeParents, ...options,
  });
  return distributionToJson(result);
}

/** Returns `[agent local name, amount]` pairs of a run's payouts. */
export function payoutsOf(json: DistributionJson): [string, string][] {
  return json.payouts.map((payout) => [payout.agent.replace(COOP, ''), payout.amount]);
}
