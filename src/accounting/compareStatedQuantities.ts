import { formatDecimal, problem } from '../model/index.js';
import type { EconomicResource, Problem, Quantity } from '../model/index.js';
import type { ResourceState } from './ResourceLedger.js';

function describe(quantity: Quantity): string {
  return `${formatDecimal(quantity.value)} ${quantity.unit}`;
}

function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit && a.value.equals(b.value);
}

/**
 * Compares the quantities a resource document states with those derived from events, and
 * returns a warning for each disagreement, including a stated figure that no event backs.
 * A stated figure is only compared, never used.
 */
export function compareStatedQuantities(documents: ReadonlyMap<string, EconomicResource>,
  states: readonly ResourceState[]): Problem[] {
  const byId = new Map(states.map((state) => [state.id, state]));
  const problems: Problem[] = [];
  for (const document of documents.values()) {
    const state = byId.get(document.id);
    for (const field of ['accountingQuantity', 'onhandQuantity'] as const) {
      const stated = document[field];
      if (stated === undefined) {
        continue;
      }
      const derived = state?.[field] ?? null;
      const where = { subject: document.id, source: document.source };
      if (derived === null) {
        problems.push(problem('warning', `Resource [${document.id}] states ${field} [${describe(stated)}] ` +
          'but no event derives that quantity.', where));
      } else if (!sameQuantity(stated, derived)) {
        problems.push(problem('warning', `Resource [${document.id}] states ${field} [${describe(stated)}] ` +
          `but its events derive [${describe(derived)}].`, where));
      }
    }
  }
  return problems;
}
