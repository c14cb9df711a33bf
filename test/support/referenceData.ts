import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of this checkout. */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Folder of upstream ValueFlows reference data (ontology, unit list, examples). It is kept beside
 * the checkout, in `shared/reference/valueflows`, and CI provides it there too.
 */
export const VALUEFLOWS_REFERENCE = path.resolve(REPOSITORY_ROOT, '../shared/reference/valueflows');

/**
 * Returns the path of a file or folder of the upstream reference data, and throws when it is
 * missing, so the tests that need it fail with the reason instead of silently not running.
 */
export function referencePath(...parts: string[]): string {
  const found = path.join(VALUEFLOWS_REFERENCE, ...parts);
  if (!existsSync(found)) {
    throw new Error(`Upstream ValueFlows reference data is missing at [${found}]; `
      + 'these tests need the shared/reference/valueflows folder beside the checkout');
  }
  return found;
}
