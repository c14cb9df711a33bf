import type { InventoryResult, ResourceState } from '../accounting/index.js';
import { formatDecimal } from '../model/index.js';
import type { Problem, Quantity } from '../model/index.js';
import { shortenIri } from './IriShortener.js';
import { renderTextTable } from './TextTable.js';

/** A quantity as JSON: the canonical decimal string and the unit IRI. */
export interface QuantityJson {
  value: string;
  unit: string;
}

/** One resource of the inventory as JSON; unset fields are null and IRIs are full IRIs. */
export interface ResourceJson {
  id: string;
  accountingQuantity: QuantityJson | null;
  onhandQuantity: QuantityJson | null;
  primaryAccountable: string | null;
  custodian: string | null;
  currentLocation: string | null;
  containedIn: string | null;
  stage: string | null;
}

/** The stable JSON contract of `oce inventory --json` and of the service's inventory answer. */
export interface InventoryJson {
  resources: ResourceJson[];
  problems: Problem[];
}

/** Converts a quantity to its JSON form, or null when absent. */
export function quantityToJson(quantity: Quantity | null | undefined): QuantityJson | null {
  return quantity ? { value: formatDecimal(quantity.value), unit: quantity.unit } : null;
}

function resourceToJson(resource: ResourceState): ResourceJson {
  return {
    id: resource.id,
    accountingQuantity: quantityToJson(resource.accountingQuantity),
    onhandQuantity: quantityToJson(resource.onhandQuantity),
    primaryAccountable: resource.primaryAccountable,
    custodian: resource.custodian,
    currentLocation: resource.currentLocation,
    containedIn: resource.containedIn,
    stage: resource.stage,
  };
}

/** Builds the JSON document of an inventory, with its problems after those found while reading. */
export function inventoryToJson(result: InventoryResult, readProblems: Problem[] = []): InventoryJson {
  return {
    resources: result.resources.map(resourceToJson),
    problems: [...readProblems, ...result.problems],
  };
}

function formatQuantity(quantity: QuantityJson | null): string {
  return quantity ? `${quantity.value} ${shortenIri(quantity.unit)}` : '-';
}

/** Renders an inventory as a readable table followed by its problems; IRIs under `base` are shown relative to it. */
export function inventoryToText(inventory: InventoryJson, base?: string): string {
  const rows = inventory.resources.map((resource) => [
    shortenIri(resource.id, base),
    formatQuantity(resource.accountingQuantity),
    formatQuantity(resource.onhandQuantity),
    shortenIri(resource.primaryAccountable, base),
    shortenIri(resource.custodian, base),
    shortenIri(resource.currentLocation, base),
    shortenIri(resource.containedIn, base),
    shortenIri(resource.stage, base),
  ]);
  const table = renderTextTable(
    ['resource', 'accounting', 'on hand', 'accountable', 'custodian', 'location', 'container', 'stage'],
    rows,
  );
  return [table, problemsToText(inventory.problems)].filter((part) => part.length > 0).join('\n\n');
}

/** Renders problems one per line, errors first, or an empty string when there are none. */
export function problemsToText(problems: Problem[]): string {
  const ordered = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return ordered
    .map((found) => {
      const where = [found.source, found.subject].filter((part) => part !== null).join(' ');
      return `${found.severity}: ${found.message}${where ? ` (${where})` : ''}`;
    })
    .join('\n');
}
