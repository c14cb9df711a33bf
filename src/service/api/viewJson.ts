import { formatDecimal } from '../../model/index.js';
import type { Decimal, EconomicEvent, Process } from '../../model/index.js';
import { quantityToJson } from '../../report/index.js';
import type { QuantityJson } from '../../report/index.js';
import type { AccountingView, Period, Provenance, Scope } from '../../views/index.js';
import { periodToJson } from '../../views/index.js';
import type { ApiLinks } from './ApiLinks.js';

/** A figure's provenance as JSON: how many events, which documents, and the link listing the events. */
export interface ProvenanceJson {
  figure: string;
  eventCount: number;
  documents: string[];
  events: string;
}

function provenanceToJson(provenance: Provenance, scope: Scope, period: Period, links: ApiLinks): ProvenanceJson {
  return {
    figure: provenance.figure,
    eventCount: provenance.events.length,
    documents: provenance.documents,
    events: links.events(scope, period, provenance.figure),
  };
}

const decimal = (value: Decimal): string => formatDecimal(value);

/** Converts a scope to JSON, with links to its view and to the views of its parents and children. */
export function scopeToJson(scope: Scope, period: Period, links: ApiLinks, kindOf: (id: string) => Scope['kind'] | undefined):
  Record<string, unknown> {
  const linkOf = (id: string): { id: string; view: string | null } => {
    const kind = kindOf(id);
    return { id, view: kind === undefined ? null : links.view({ id, kind }, period) };
  };
  return {
    id: scope.id,
    kind: scope.kind,
    name: scope.name,
    view: links.view(scope, period),
    parents: scope.parents.map(linkOf),
    children: scope.children.map(linkOf),
  };
}

/** Converts a view to the JSON response of the API; every figure carries its provenance link. */
export function viewToJson(view: AccountingView, links: ApiLinks, kindOf: (id: string) => Scope['kind'] | undefined):
  Record<string, unknown> {
  const { scope, period } = view;
  const provenance = (found: Provenance): ProvenanceJson => provenanceToJson(found, scope, period, links);
  return {
    scope: scopeToJson(scope, period, links, kindOf),
    includes: view.includes,
    period: periodToJson(period),
    counts: view.counts,
    links: { events: links.events(scope, period), processes: links.processes(scope, period) },
    inventory: view.inventory.map((resource) => ({
      ...resource,
      accountingQuantity: quantityToJson(resource.accountingQuantity),
      onhandQuantity: quantityToJson(resource.onhandQuantity),
      disagreements: resource.disagreements.map((found) => ({
        ...found, stated: quantityToJson(found.stated), derived: quantityToJson(found.derived),
      })),
      provenance: provenance(resource.provenance),
    })),
    contributions: view.contributions.map((figure) => ({
      ...figure, quantity: decimal(figure.quantity), provenance: provenance(figure.provenance),
    })),
    contributionTotals: view.contributionTotals.map((figure) => ({
      ...figure, quantity: decimal(figure.quantity), provenance: provenance(figure.provenance),
    })),
    flows: view.flows.map((figure) => ({
      ...figure, quantity: decimal(figure.quantity), provenance: provenance(figure.provenance),
    })),
    balances: view.balances.map((figure) => ({
      ...figure, in: decimal(figure.in), out: decimal(figure.out), net: decimal(figure.net),
      provenance: provenance(figure.provenance),
    })),
    payouts: view.payouts.map((figure) => ({
      ...figure, quantity: decimal(figure.quantity), provenance: provenance(figure.provenance),
    })),
    problems: view.problems,
  };
}

/** Converts an event to JSON: its fields, the document stating it, and its own link. */
export function eventToJson(event: EconomicEvent, links: ApiLinks): Record<string, unknown> {
  const optional = (value: string | undefined): string | null => value ?? null;
  const quantity = (value: EconomicEvent['resourceQuantity']): QuantityJson | null => quantityToJson(value);
  return {
    id: event.id,
    action: event.action,
    provider: optional(event.provider),
    receiver: optional(event.receiver),
    resourceInventoriedAs: optional(event.resourceInventoriedAs),
    toResourceInventoriedAs: optional(event.toResourceInventoriedAs),
    resourceConformsTo: optional(event.resourceConformsTo),
    resourceQuantity: quantity(event.resourceQuantity),
    effortQuantity: quantity(event.effortQuantity),
    time: optional(event.hasPointInTime ?? event.hasEnd ?? event.hasBeginning),
    inputOf: optional(event.inputOf),
    outputOf: optional(event.outputOf),
    corrects: optional(event.corrects),
    source: event.source,
    link: links.event(event.id),
  };
}

/** Converts a process to JSON. */
export function processToJson(process: Process): Record<string, unknown> {
  return {
    id: process.id,
    name: process.name ?? null,
    basedOn: process.basedOn ?? null,
    classifiedAs: process.classifiedAs,
    inScopeOf: process.inScopeOf,
    hasBeginning: process.hasBeginning ?? null,
    hasEnd: process.hasEnd ?? null,
    finished: process.finished ?? null,
    source: process.source,
  };
}
