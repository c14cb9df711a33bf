import type { Decimal } from './Decimal.js';
import type { Problem } from './Problem.js';

/** Local names of the 19 ValueFlows 1.0 actions, in the order of the VF action table. */
export const ACTION_IDS = [
  'produce', 'consume', 'use', 'work', 'cite', 'deliverService',
  'pickup', 'dropoff', 'accept', 'modify', 'combine', 'separate',
  'transferCustody', 'transferAllRights', 'transfer', 'move', 'copy', 'raise', 'lower',
] as const;

/** The local name of a ValueFlows 1.0 action, such as `produce` for `vf:produce`. */
export type ActionId = (typeof ACTION_IDS)[number];

/** Tells whether a string is the local name of one of the 19 VF 1.0 actions. */
export function isActionId(name: string): name is ActionId {
  return (ACTION_IDS as readonly string[]).includes(name);
}

/** A `vf:Measure`: an exact numerical value with the IRI of its unit (an OM 2 unit or a `vf:Unit`). */
export interface Quantity {
  value: Decimal;
  unit: string;
}

/** Fields every model object carries: its IRI and the document it was read from. */
export interface Sourced {
  id: string;
  /** URL or file path of the document that stated this object. */
  source: string;
}

/**
 * The fields of a flow that economic events, commitments and intents share: an action, its
 * agents, resource, quantities, process and times (ISO 8601 strings as written, or absent).
 */
export interface FlowFields extends Sourced {
  action: ActionId;
  provider?: string;
  receiver?: string;
  resourceInventoriedAs?: string;
  resourceConformsTo?: string;
  resourceClassifiedAs: string[];
  resourceQuantity?: Quantity;
  effortQuantity?: Quantity;
  inputOf?: string;
  outputOf?: string;
  hasPointInTime?: string;
  hasBeginning?: string;
  hasEnd?: string;
  created?: string;
  state?: string;
  satisfies: string[];
  note?: string;
}

/** A `vf:EconomicEvent` as read from RDF. */
export interface EconomicEvent extends FlowFields {
  toResourceInventoriedAs?: string;
  toLocation?: string;
  corrects?: string;
  fulfills: string[];
  settles: string[];
  realizationOf?: string;
  reciprocalRealizationOf?: string;
  /** Scopes stated on the event itself, which only pre-1.0 data does; 1.0 scopes processes. */
  inScopeOf: string[];
}

/**
 * A `vf:EconomicResource` as stated in a document. Its quantities are what the document claims;
 * the accounting engine derives its own from events and only compares against these.
 */
export interface EconomicResource extends Sourced {
  name?: string;
  conformsTo?: string;
  classifiedAs: string[];
  trackingIdentifier?: string;
  accountingQuantity?: Quantity;
  onhandQuantity?: Quantity;
  primaryAccountable?: string;
  currentLocation?: string;
  containedIn?: string;
  stage?: string;
  state?: string;
  unitOfEffort?: string;
  note?: string;
}

/** A `vf:Process`. */
export interface Process extends Sourced {
  name?: string;
  basedOn?: string;
  classifiedAs: string[];
  inScopeOf: string[];
  plannedWithin?: string;
  hasBeginning?: string;
  hasEnd?: string;
  finished?: boolean;
  note?: string;
}

/** Which kind of `vf:Agent` a node was typed as. */
export type AgentKind = 'Person' | 'Organization' | 'EcologicalAgent' | 'Agent';

/** A `vf:Agent` (or `foaf:Agent`, `org:Organization`) named in the data. */
export interface Agent extends Sourced {
  kind: AgentKind;
  name?: string;
}

/** A `vf:ResourceSpecification`, including currencies (`vf:mediumOfExchange true`). */
export interface ResourceSpecification extends Sourced {
  name?: string;
  mediumOfExchange?: boolean;
  defaultUnitOfResource?: string;
  defaultUnitOfEffort?: string;
  resourceClassifiedAs: string[];
}

/** A `vf:ProcessSpecification`, also used as a resource stage. */
export interface ProcessSpecification extends Sourced {
  name?: string;
}

/** A legacy `vf:RecipeResource` (before VF 0.9), which recipe flows of old data conform to. */
export interface RecipeResource extends Sourced {
  name?: string;
  resourceClassifiedAs: string[];
  note?: string;
}

/** A `vf:Recipe`: an optional named set of recipe processes that make one primary output. */
export interface Recipe extends Sourced {
  name?: string;
  primaryOutput?: string;
  recipeIncludes: string[];
  note?: string;
}

/** A `vf:RecipeProcess`. Its flows are the recipe flows that name it in `recipeInputOf` / `recipeOutputOf`. */
export interface RecipeProcess extends Sourced {
  name?: string;
  /** Duration of one run of the process, a Measure in an OM 2 time unit. */
  hasDuration?: Quantity;
  processConformsTo?: string;
  processClassifiedAs: string[];
  note?: string;
}

/** A `vf:RecipeFlow`: an input, output or exchange clause of a recipe, for its smallest natural batch. */
export interface RecipeFlow extends Sourced {
  action: ActionId;
  resourceConformsTo?: string;
  resourceClassifiedAs: string[];
  resourceQuantity?: Quantity;
  effortQuantity?: Quantity;
  /** Process specification that the resource must have passed through, for workflow recipes. */
  stage?: string;
  state?: string;
  recipeInputOf?: string;
  recipeOutputOf?: string;
  recipeClauseOf?: string;
  recipeReciprocalClauseOf?: string;
  note?: string;
}

/** A `vf:RecipeExchange`: an agreement pattern whose clauses are recipe flows. */
export interface RecipeExchange extends Sourced {
  name?: string;
  note?: string;
}

/** A `vf:Plan`. */
export interface Plan extends Sourced {
  name?: string;
  note?: string;
  created?: string;
  due?: string;
  hasIndependentDemand: string[];
  planIncludes: string[];
  /**
   * Agents the plan is `vf:inScopeOf`. VF 1.0 keeps that property on processes only, but older
   * data and some tools state it on plans; other model builders may leave it out.
   */
  inScopeOf?: string[];
}

/** Fields that commitments and intents share: a planned flow. */
export interface PlannedFlow extends FlowFields {
  due?: string;
  finished?: boolean;
  stage?: string;
  plannedWithin?: string;
}

/** A `vf:Commitment`. */
export interface Commitment extends PlannedFlow {
  independentDemandOf?: string;
  clauseOf?: string;
  reciprocalClauseOf?: string;
}

/** A `vf:Intent`: an offer when only the provider is known, a need (request) when only the receiver is. */
export interface Intent extends PlannedFlow {
  name?: string;
  availableQuantity?: Quantity;
  minimumQuantity?: Quantity;
}

/** A `vf:Claim`: what a receiver claims from a provider, settled by events with `vf:settles`. */
export interface Claim extends Sourced {
  action: ActionId;
  provider?: string;
  receiver?: string;
  resourceConformsTo?: string;
  resourceClassifiedAs: string[];
  resourceQuantity?: Quantity;
  effortQuantity?: Quantity;
  due?: string;
  created?: string;
  finished?: boolean;
  triggeredBy?: string;
  note?: string;
}

/** A `vf:Proposal`: published intents (`vf:publishes`) and the intents it requests in return (`vf:reciprocal`). */
export interface Proposal extends Sourced {
  name?: string;
  note?: string;
  created?: string;
  hasBeginning?: string;
  hasEnd?: string;
  /** `offer` or `request`, from `vf:purpose`. */
  purpose?: 'offer' | 'request';
  unitBased?: boolean;
  eligibleLocation?: string;
  publishes: string[];
  reciprocal: string[];
  proposedTo: string[];
}

/** A `vf:Agreement`, with its clauses and realizations as stated on the agreement's side. */
export interface Agreement extends Sourced {
  name?: string;
  note?: string;
  created?: string;
  stipulates: string[];
  stipulatesReciprocal: string[];
  realizes: string[];
  realizesReciprocal: string[];
}

/**
 * Everything the accounting engine needs, keyed by IRI, plus the problems found while
 * reading. Built from RDF by the model reader; the engine itself never does I/O.
 */
export interface EconomicModel {
  events: Map<string, EconomicEvent>;
  resources: Map<string, EconomicResource>;
  processes: Map<string, Process>;
  agents: Map<string, Agent>;
  resourceSpecifications: Map<string, ResourceSpecification>;
  processSpecifications: Map<string, ProcessSpecification>;
  /** Knowledge and plan layers: the RDF model reader always fills them, other builders may leave them out. */
  recipes?: Map<string, Recipe>;
  recipeProcesses?: Map<string, RecipeProcess>;
  recipeFlows?: Map<string, RecipeFlow>;
  recipeExchanges?: Map<string, RecipeExchange>;
  recipeResources?: Map<string, RecipeResource>;
  plans?: Map<string, Plan>;
  commitments?: Map<string, Commitment>;
  intents?: Map<string, Intent>;
  proposals?: Map<string, Proposal>;
  agreements?: Map<string, Agreement>;
  claims?: Map<string, Claim>;
  problems: Problem[];
}

/** Creates an empty {@link EconomicModel}. */
export function emptyModel(): EconomicModel {
  return {
    events: new Map(),
    resources: new Map(),
    processes: new Map(),
    agents: new Map(),
    resourceSpecifications: new Map(),
    processSpecifications: new Map(),
    problems: [],
  };
}
