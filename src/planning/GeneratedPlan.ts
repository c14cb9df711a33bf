import type { ActionId, Decimal, Problem, Quantity } from '../model/index.js';

/** A request to plan: what to make, how much and by when. */
export interface PlanDemand {
  /** IRI of a `vf:Recipe`, a `vf:RecipeProcess` or a resource specification that a recipe process outputs. */
  target: string;
  /** Quantity in the unit of the recipe output that makes the target. */
  quantity: Decimal;
  /** When the output is due, an `xsd:dateTime`. */
  due: string;
}

/** A `vf:Process` of a generated plan, scheduled back from when its outputs are due. */
export interface PlannedProcess {
  id: string;
  name?: string;
  /** Process specification of the recipe process (`vf:basedOn` of the planned process). */
  basedOn?: string;
  recipeProcess: string;
  hasBeginning: string;
  hasEnd: string;
}

/** A `vf:Commitment` of a generated plan. Agents are left open: VF allows them missing while planning. */
export interface PlannedCommitment {
  id: string;
  action: ActionId;
  resourceConformsTo?: string;
  resourceClassifiedAs: string[];
  resourceQuantity?: Quantity;
  effortQuantity?: Quantity;
  stage?: string;
  state?: string;
  due: string;
  inputOf?: string;
  outputOf?: string;
  /** The plan, on the commitment that delivers the demanded output. */
  independentDemandOf?: string;
  clauseOf?: string;
  reciprocalClauseOf?: string;
  /** The recipe flow this commitment was scaled from. */
  recipeFlow: string;
}

/** A `vf:Agreement` of a generated plan, one per recipe exchange used by one planned process. */
export interface PlannedAgreement {
  id: string;
  name?: string;
  recipeExchange: string;
}

/**
 * A demand met while exploding: the independent demand, or an input of a planned process. What
 * inventory does not cover is produced by `producedBy`, or, without a producing recipe, is still
 * needed from outside the plan (a purchase or exchange).
 */
export interface DependentDemand {
  resourceConformsTo: string;
  stage?: string;
  quantity: Quantity;
  due: string;
  /** The input commitment that needs it; absent for the independent demand. */
  neededBy?: string;
  /** Quantity allocated from on-hand inventory. */
  fromInventory: Decimal;
  /** Quantity left after inventory: produced by `producedBy`, or still needed. */
  remaining: Decimal;
  producedBy?: string;
}

/** The result of exploding a recipe: a `vf:Plan` with its processes, commitments and demands. */
export interface GeneratedPlan {
  id: string;
  name?: string;
  due: string;
  processes: PlannedProcess[];
  commitments: PlannedCommitment[];
  agreements: PlannedAgreement[];
  demands: DependentDemand[];
  /** Findings that did not stop planning, such as a choice between several recipes. */
  problems: Problem[];
}

/** Mints the IRIs of a generated plan's parts; numbers count from 1 in creation order. */
export interface PlanIris {
  plan: string;
  process: (index: number) => string;
  commitment: (index: number) => string;
  agreement: (index: number) => string;
}

/** Returns {@link PlanIris} as fragments of one base IRI: `<base>#plan`, `<base>#process-1`, … */
export function fragmentPlanIris(base: string): PlanIris {
  return {
    plan: `${base}#plan`,
    process: (index) => `${base}#process-${index}`,
    commitment: (index) => `${base}#commitment-${index}`,
    agreement: (index) => `${base}#agreement-${index}`,
  };
}
