import { fileURLToPath } from 'node:url';
import { loadModelFromFiles } from '../../src/cli/loadModelFromFiles.js';
import type { EconomicModel } from '../../src/model/index.js';

/** Absolute path of a fixture in `test/fixtures/trace/`. */
export function traceFixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/trace/${name}`, import.meta.url));
}

/** Reads the economic model of one file, keeping the problems reading it reported. */
export async function loadModel(path: string): Promise<EconomicModel> {
  const { model } = await loadModelFromFiles([path]);
  return model;
}

/** Reads the economic model of a fixture in `test/fixtures/trace/`. */
export async function loadTraceFixture(name: string): Promise<EconomicModel> {
  const model = await loadModel(traceFixturePath(name));
  if (model.problems.length > 0) {
    throw new Error(`Fixture [${name}] has problems: ${model.problems.map((found) => found.message).join('; ')}`);
  }
  return model;
}

/** Prefixes local names with a base IRI. */
export function iris(base: string, ...names: string[]): string[] {
  return names.map((name) => `${base}${name}`);
}
