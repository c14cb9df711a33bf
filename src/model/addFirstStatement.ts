import type { Sourced } from './EconomicModel.js';
import { problem } from './Problem.js';
import type { Problem } from './Problem.js';

/**
 * Adds an object read from `source` to its map unless an object with the same IRI is already
 * there. The first statement wins, because documents are read in a stable order, and a repeat
 * is reported as a warning that names both documents.
 */
export function addFirstStatement<T extends Sourced>(map: Map<string, T>, value: T | undefined, kind: string,
  source: string, problems: Problem[]): void {
  if (value === undefined) {
    return;
  }
  const first = map.get(value.id);
  if (first !== undefined) {
    const message = `${kind} [${value.id}] is stated again in [${source}]; kept its first statement from [${first.source}]`;
    problems.push(problem('warning', message, { subject: value.id, source }));
    return;
  }
  map.set(value.id, value);
}
