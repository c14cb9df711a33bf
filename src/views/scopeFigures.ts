import { compareCodeUnits } from '../accounting/compareCodeUnits.js';
import { Decimal } from '../model/index.js';
import type { EconomicModel, Quantity } from '../model/index.js';
import type {
  BalanceFigure, ContributionFigure, Disagreement, FlowDirection, FlowFigure, HeldResource, PayoutFigure, Provenance,
} from './AccountingView.js';
import type { CountedEvent, PeriodFigures } from './PeriodFigures.js';

/** Builds the provenance of a figure from its event IRIs, adding the documents that state them. */
export function provenanceOf(figure: string, events: readonly string[], figures: PeriodFigures,
  extraDocuments: readonly string[] = []): Provenance {
  const ordered = [...new Set(events)].sort((a, b) => (figures.rank.get(a) ?? -1) - (figures.rank.get(b) ?? -1));
  const documents = new Set(extraDocuments);
  for (const id of ordered) {
    const source = figures.model.events.get(id)?.source;
    if (source !== undefined) {
      documents.add(source);
    }
  }
  return { figure, events: ordered, documents: [...documents].sort(compareCodeUnits) };
}

/** Returns the scopes of the process an event is input or output of, else the event's own scopes. */
export function scopesOfEvent(event: CountedEvent, model: EconomicModel): string[] {
  const processId = event.base.inputOf ?? event.base.outputOf;
  const process = processId === undefined ? undefined : model.processes.get(processId);
  return process !== undefined && process.inScopeOf.length > 0 ? process.inScopeOf : event.base.inScopeOf;
}

/** Tells whether an event belongs to the activity of the agents in `within`. */
export function isEventWithin(event: CountedEvent, within: ReadonlySet<string>, model: EconomicModel): boolean {
  const { provider, receiver } = event.base;
  return (provider !== undefined && within.has(provider)) || (receiver !== undefined && within.has(receiver)) ||
    scopesOfEvent(event, model).some((scope) => within.has(scope));
}

function quantitiesDiffer(stated: Quantity, derived: Quantity | null): boolean {
  return derived === null || stated.unit !== derived.unit || !stated.value.equals(derived.value);
}

/**
 * Returns the resources whose primary accountable agent or custodian is in `within`, at the end of the
 * period, each with any disagreement between the quantities its document states and those its
 * events derive.
 */
export function heldResources(figures: PeriodFigures, within: ReadonlySet<string>): HeldResource[] {
  const held: HeldResource[] = [];
  for (const state of figures.inventory.resources) {
    const holders = [state.primaryAccountable, state.custodian].filter((agent) => agent !== null);
    if (!holders.some((agent) => within.has(agent))) {
      continue;
    }
    const document = figures.model.resources.get(state.id);
    const disagreements: Disagreement[] = [];
    for (const field of ['accountingQuantity', 'onhandQuantity'] as const) {
      const stated = document?.[field];
      if (document !== undefined && stated !== undefined && quantitiesDiffer(stated, state[field])) {
        disagreements.push({ field, stated, derived: state[field], source: document.source });
      }
    }
    held.push({
      id: state.id,
      name: document?.name ?? null,
      conformsTo: document?.conformsTo ?? null,
      accountingQuantity: state.accountingQuantity,
      onhandQuantity: state.onhandQuantity,
      primaryAccountable: state.primaryAccountable,
      custodian: state.custodian,
      currentLocation: state.currentLocation,
      disagreements,
      provenance: provenanceOf(`inventory ${state.id}`, state.events, figures,
        document === undefined ? [] : [document.source]),
    });
  }
  return held;
}

/**
 * Returns the contributions of the view: those its agents made anywhere, and those anyone made to a
 * process in scope of one of its agents. Summed per agent, kind, unit and specification.
 */
export function contributionFigures(figures: PeriodFigures, within: ReadonlySet<string>): ContributionFigure[] {
  const sums = new Map<string, Omit<ContributionFigure, 'provenance'> & { events: string[] }>();
  for (const { agent, lines } of figures.contributions.agents) {
    for (const line of lines) {
      if (!within.has(agent) && (line.scope === null || !within.has(line.scope))) {
        continue;
      }
      const key = JSON.stringify([agent, line.kind, line.unit, line.specification]);
      const sum = sums.get(key) ?? {
        agent, kind: line.kind, unit: line.unit, specification: line.specification, quantity: new Decimal(0),
        events: [],
      };
      sum.quantity = sum.quantity.plus(line.quantity);
      sum.events.push(...line.events);
      sums.set(key, sum);
    }
  }
  return [...sums.values()]
    .map(({ events, ...figure }) => ({
      ...figure,
      provenance: provenanceOf(
        `contribution ${JSON.stringify([figure.agent, figure.kind, figure.unit, figure.specification])}`, events, figures,
      ),
    }))
    .sort((a, b) => compareCodeUnits(a.agent, b.agent) || compareCodeUnits(a.kind, b.kind) ||
      compareCodeUnits(a.unit, b.unit) || compareCodeUnits(a.specification, b.specification));
}

/** Sums contribution figures over agents, per kind, unit and specification. */
export function contributionTotals(contributions: readonly ContributionFigure[],
  figures: PeriodFigures): Omit<ContributionFigure, 'agent'>[] {
  const sums = new Map<string, { figure: Omit<ContributionFigure, 'agent' | 'provenance'>; events: string[] }>();
  for (const { kind, unit, specification, quantity, provenance } of contributions) {
    const key = JSON.stringify([kind, unit, specification]);
    const sum = sums.get(key) ?? { figure: { kind, unit, specification, quantity: new Decimal(0) }, events: [] };
    sum.figure.quantity = sum.figure.quantity.plus(quantity);
    sum.events.push(...provenance.events);
    sums.set(key, sum);
  }
  return [...sums.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([key, { figure, events }]) => ({
    ...figure, provenance: provenanceOf(`contribution total ${key}`, events, figures),
  }));
}

function specificationOf(event: CountedEvent, model: EconomicModel): string | null {
  const resource = event.base.resourceInventoriedAs;
  const stated = resource === undefined ? undefined : model.resources.get(resource)?.conformsTo;
  return event.base.resourceConformsTo ?? stated ?? null;
}

function directionOf(event: CountedEvent, within: ReadonlySet<string>): FlowDirection | null {
  const { provider, receiver } = event.base;
  const fromInside = provider !== undefined && within.has(provider);
  const toInside = receiver !== undefined && within.has(receiver);
  if (fromInside === toInside) {
    return null;
  }
  return toInside ? 'in' : 'out';
}

/**
 * Returns the flows across the scope's boundary in the period: events whose provider is inside and
 * receiver outside (out), or the reverse (in), measured by resource quantity, else by effort.
 * A correction counts under the event it corrects, with its signed quantity.
 */
export function flowFigures(figures: PeriodFigures, within: ReadonlySet<string>): FlowFigure[] {
  const sums = new Map<string, Omit<FlowFigure, 'provenance'> & { events: string[] }>();
  for (const counted of figures.events) {
    const direction = directionOf(counted, within);
    const quantity = counted.event.resourceQuantity ?? counted.event.effortQuantity;
    if (direction === null || quantity === undefined) {
      continue;
    }
    const specification = specificationOf(counted, figures.model);
    const key = JSON.stringify([direction, counted.base.action, quantity.unit, specification]);
    const sum = sums.get(key) ?? {
      direction, action: counted.base.action, unit: quantity.unit, specification, quantity: new Decimal(0), events: [],
    };
    sum.quantity = sum.quantity.plus(quantity.value);
    sum.events.push(counted.event.id);
    sums.set(key, sum);
  }
  return [...sums.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([key, { events, ...figure }]) => ({
    ...figure, provenance: provenanceOf(`flow ${key}`, events, figures),
  }));
}

/** Flows in minus flows out, per unit and specification. */
export function balanceFigures(flows: readonly FlowFigure[], figures: PeriodFigures): BalanceFigure[] {
  type BalanceSum = { unit: string; specification: string | null; in: Decimal; out: Decimal; events: string[] };
  const sums = new Map<string, BalanceSum>();
  for (const flow of flows) {
    const key = JSON.stringify([flow.unit, flow.specification]);
    const sum = sums.get(key) ?? {
      unit: flow.unit, specification: flow.specification, in: new Decimal(0), out: new Decimal(0), events: [],
    };
    sum[flow.direction] = sum[flow.direction].plus(flow.quantity);
    sum.events.push(...flow.provenance.events);
    sums.set(key, sum);
  }
  return [...sums.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([key, { events, ...sum }]) => ({
    ...sum, net: sum.in.minus(sum.out), provenance: provenanceOf(`balance ${key}`, events, figures),
  }));
}

/**
 * Lists the payouts the scope's agents received in the period: accepted events with a receiver
 * inside that settle a claim, one figure each, measured by resource quantity. A correction of a
 * payout counts under the payout it corrects, with its signed quantity.
 */
export function payoutFigures(figures: PeriodFigures, within: ReadonlySet<string>): PayoutFigure[] {
  const payouts = new Map<string, Omit<PayoutFigure, 'provenance'> & { events: string[] }>();
  for (const counted of figures.events) {
    const { base } = counted;
    const quantity = counted.event.resourceQuantity;
    if (base.settles.length === 0 || base.receiver === undefined || !within.has(base.receiver) ||
      quantity === undefined) {
      continue;
    }
    const payout = payouts.get(base.id) ?? {
      event: base.id,
      provider: base.provider ?? null,
      receiver: base.receiver,
      claims: [...base.settles].sort(compareCodeUnits),
      quantity: new Decimal(0), unit: quantity.unit, specification: specificationOf(counted, figures.model),
      time: base.hasPointInTime ?? base.hasEnd ?? base.hasBeginning ?? null, events: [],
    };
    payout.quantity = payout.quantity.plus(quantity.value);
    payout.events.push(counted.event.id);
    payouts.set(base.id, payout);
  }
  return [...payouts.values()].map(({ events, ...payout }) => ({
    ...payout, provenance: provenanceOf(`payout ${payout.event}`, events, figures),
  }));
}
