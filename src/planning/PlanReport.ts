import { formatDecimal } from '../model/index.js';
import type { Problem } from '../model/index.js';
import { problemsToText, quantityToJson, renderTextTable, shortenIri as shortenDisplayedIri } from '../report/index.js';
import type { QuantityJson } from '../report/index.js';
import type { DependentDemand, GeneratedPlan, PlannedCommitment } from './GeneratedPlan.js';

/** One commitment of `oce plan --json`; unset fields are null and IRIs are full IRIs. */
export interface PlannedCommitmentJson {
  id: string;
  action: string;
  resourceConformsTo: string | null;
  resourceClassifiedAs: string[];
  resourceQuantity: QuantityJson | null;
  effortQuantity: QuantityJson | null;
  stage: string | null;
  state: string | null;
  due: string;
  inputOf: string | null;
  outputOf: string | null;
  independentDemandOf: string | null;
  clauseOf: string | null;
  reciprocalClauseOf: string | null;
  recipeFlow: string;
}

/** One demand of `oce plan --json`: what inventory covered, what a process makes, what is still needed. */
export interface DependentDemandJson {
  resourceConformsTo: string;
  stage: string | null;
  quantity: QuantityJson;
  due: string;
  neededBy: string | null;
  fromInventory: string;
  remaining: string;
  producedBy: string | null;
  /** Quantity that neither inventory nor a planned process covers, to buy or exchange. */
  stillNeeded: string;
}

/** The stable JSON contract of `oce plan --json`. */
export interface PlanJson {
  plan: { id: string; name: string | null; due: string };
  processes: {
    id: string; name: string | null; basedOn: string | null; recipeProcess: string;
    hasBeginning: string; hasEnd: string;
  }[];
  commitments: PlannedCommitmentJson[];
  agreements: { id: string; name: string | null; recipeExchange: string }[];
  demands: DependentDemandJson[];
  problems: Problem[];
}

/** Builds the JSON document of a generated plan, with its problems after those found while reading. */
export function planToJson(plan: GeneratedPlan, readProblems: Problem[] = []): PlanJson {
  return {
    plan: { id: plan.id, name: plan.name ?? null, due: plan.due },
    processes: plan.processes.map((process) => ({
      id: process.id, name: process.name ?? null, basedOn: process.basedOn ?? null,
      recipeProcess: process.recipeProcess,
      hasBeginning: process.hasBeginning, hasEnd: process.hasEnd,
    })),
    commitments: plan.commitments.map(commitmentToJson),
    agreements: plan.agreements.map((agreement) => ({ ...agreement, name: agreement.name ?? null })),
    demands: plan.demands.map(demandToJson),
    problems: [...readProblems, ...plan.problems],
  };
}

function commitmentToJson(commitment: PlannedCommitment): PlannedCommitmentJson {
  return {
    id: commitment.id, action: commitment.action, resourceConformsTo: commitment.resourceConformsTo ?? null,
    resourceClassifiedAs: commitment.resourceClassifiedAs,
    resourceQuantity: quantityToJson(commitment.resourceQuantity),
    effortQuantity: quantityToJson(commitment.effortQuantity),
    stage: commitment.stage ?? null, state: commitment.state ?? null, due: commitment.due,
    inputOf: commitment.inputOf ?? null, outputOf: commitment.outputOf ?? null,
    independentDemandOf: commitment.independentDemandOf ?? null, clauseOf: commitment.clauseOf ?? null,
    reciprocalClauseOf: commitment.reciprocalClauseOf ?? null, recipeFlow: commitment.recipeFlow,
  };
}

function demandToJson(demand: DependentDemand): DependentDemandJson {
  const stillNeeded = demand.producedBy === undefined && demand.remaining.gt(0) ? demand.remaining : undefined;
  return {
    resourceConformsTo: demand.resourceConformsTo, stage: demand.stage ?? null,
    quantity: quantityToJson(demand.quantity)!, due: demand.due, neededBy: demand.neededBy ?? null,
    fromInventory: formatDecimal(demand.fromInventory), remaining: formatDecimal(demand.remaining),
    producedBy: demand.producedBy ?? null, stillNeeded: stillNeeded === undefined ? '0' : formatDecimal(stillNeeded),
  };
}

/**
 * Renders a plan as text: its processes, its commitments, its demands, then its problems. Parts
 * named `<base>#…` like the plan's own `<base>#plan` are shown by their fragment.
 */
export function planToText(plan: PlanJson): string {
  const base = plan.plan.id.endsWith('#plan') ? plan.plan.id.slice(0, -'plan'.length) : undefined;
  const shortenIri = (iri: string | null): string => shortenDisplayedIri(iri, base);
  const processes = renderTextTable(['process', 'name', 'begins', 'ends'], plan.processes.map((process) => [
    shortenIri(process.id), process.name ?? '-', process.hasBeginning, process.hasEnd,
  ]));
  const commitments = renderTextTable(
    ['commitment', 'action', 'specification', 'quantity', 'due', 'process'],
    plan.commitments.map((commitment) => [
      shortenIri(commitment.id), commitment.action, shortenIri(commitment.resourceConformsTo),
      quantityText(commitment.resourceQuantity ?? commitment.effortQuantity), commitment.due,
      commitment.inputOf === null ? shortenIri(commitment.outputOf) : `${shortenIri(commitment.inputOf)} (input)`,
    ]),
  );
  const demands = renderTextTable(
    ['demand', 'quantity', 'due', 'from inventory', 'produced by', 'still needed'],
    plan.demands.map((demand) => [
      shortenIri(demand.resourceConformsTo), quantityText(demand.quantity), demand.due, demand.fromInventory,
      shortenIri(demand.producedBy), demand.stillNeeded,
    ]),
  );
  const title = `Plan ${plan.plan.id}${plan.plan.name === null ? '' : ` (${plan.plan.name})`}, due ${plan.plan.due}`;
  return [title, processes, commitments, demands, problemsToText(plan.problems)]
    .filter((part) => part.length > 0).join('\n\n');
}

function quantityText(quantity: QuantityJson | null): string {
  return quantity === null ? '-' : `${quantity.value} ${shortenDisplayedIri(quantity.unit)}`;
}
