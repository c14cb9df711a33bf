import { fileURLToPath } from 'node:url';
import { readEconomicModel } from '../../src/model/EconomicModelReader.js';
import { formatDecimal } from '../../src/model/index.js';
import type { EconomicModel, Quantity } from '../../src/model/index.js';
import { readRdfFile } from '../../src/rdf/index.js';

/** Absolute path of a fixture in `test/fixtures/planning/`. */
export function planningFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/planning/${name}`, import.meta.url));
}

/** Reads files into one model, as `oce plan` does. */
export async function readModel(...paths: string[]): Promise<EconomicModel> {
  const documents = [];
  for (const path of paths) {
    documents.push(await readRdfFile(path));
  }
  return readEconomicModel(documents);
}

export const OM2 = 'http://www.ontology-of-units-of-measure.org/resource/om-2/';

/** Writes a quantity as `value unit`, with the OM 2 namespace as `om2:`, or `-` when absent. */
export function quantityText(quantity: Quantity | undefined): string {
  return quantity === undefined ? '-' : `${formatDecimal(quantity.value)} ${quantity.unit.replace(OM2, 'om2:')}`;
}
