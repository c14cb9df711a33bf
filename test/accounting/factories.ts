import { emptyModel, formatDecimal, parseDecimal } from '../../src/model/index.js';
import type {
  ActionId, EconomicEvent, EconomicModel, EconomicResource, Process, Quantity, ResourceSpecification,
} from '../../src/model/index.js';
import type { InventoryResult, ResourceState } from '../../src/accounting/index.js';

const OM = 'http://www.ontology-of-units-of-measure.org/resource/om-2/';

/** OM 2 unit IRIs used by the accounting tests. */
export const UNIT = { one: `${OM}one`, kilogram: `${OM}kilogram`, hour: `${OM}hour` } as const;

/** Source document of every factory object, unless a test names another. */
export const SOURCE = 'https://pod.example/rea/events/2026/12/04.ttl';

/** Builds a quantity from a decimal literal. */
export function qty(value: string | number, unit: string = UNIT.one): Quantity {
  return { value: parseDecimal(String(value)), unit };
}

/** Formats a derived quantity as `"value unit-local-name"`, or null. */
export function show(quantity: Quantity | null | undefined): string | null {
  if (quantity === null || quantity === undefined) {
    return null;
  }
  return `${formatDecimal(quantity.value)} ${quantity.unit.replace(OM, '')}`;
}

/** Builds an economic event with empty list fields; `fields` overrides anything. */
export function event(id: string, action: ActionId, fields: Partial<EconomicEvent> = {}): EconomicEvent {
  return {
    id, source: SOURCE, action, resourceClassifiedAs: [], fulfills: [], satisfies: [], settles: [], inScopeOf: [],
    ...fields,
  };
}

/** Builds a resource document. */
export function resource(id: string, fields: Partial<EconomicResource> = {}): EconomicResource {
  return { id, source: SOURCE, classifiedAs: [], ...fields };
}

/** Builds a process. */
export function process(id: string, fields: Partial<Process> = {}): Process {
  return { id, source: SOURCE, classifiedAs: [], inScopeOf: [], ...fields };
}

/** Builds a resource specification. */
export function specification(id: string, fields: Partial<ResourceSpecification> = {}): ResourceSpecification {
  return { id, source: SOURCE, resourceClassifiedAs: [], ...fields };
}

/** The parts of a model a test states. */
export interface ModelParts {
  events?: EconomicEvent[];
  resources?: EconomicResource[];
  processes?: Process[];
  specifications?: ResourceSpecification[];
}

/** Builds an economic model keyed by IRI from lists of objects. */
export function modelOf(parts: ModelParts): EconomicModel {
  const model = emptyModel();
  for (const item of parts.events ?? []) {
    model.events.set(item.id, item);
  }
  for (const item of parts.resources ?? []) {
    model.resources.set(item.id, item);
  }
  for (const item of parts.processes ?? []) {
    model.processes.set(item.id, item);
  }
  for (const item of parts.specifications ?? []) {
    model.resourceSpecifications.set(item.id, item);
  }
  return model;
}

/** Returns the state of one resource from an inventory, failing the test when it is missing. */
export function stateOf(result: InventoryResult, id: string): ResourceState {
  const state = result.resources.find((candidate) => candidate.id === id);
  if (state === undefined) {
    throw new Error(`Expected resource [${id}] in the inventory, found [${result.resources.map((r) => r.id).join(', ')}]`);
  }
  return state;
}
