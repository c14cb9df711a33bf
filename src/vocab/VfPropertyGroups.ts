import { VF } from './Vocabularies.js';

/**
 * ValueFlows 1.0 properties whose values refer to other nodes (agents, resources, processes,
 * specifications, plans, agreements, locations, units). A string value of one of these is
 * meant as an IRI. Classification properties are left out, because VF allows plain strings there.
 */
export const VF_REFERENCE_PROPERTIES = [
  VF.provider, VF.receiver, VF.resourceInventoriedAs, VF.toResourceInventoriedAs, VF.resourceConformsTo,
  VF.conformsTo, VF.inputOf, VF.outputOf, VF.hasInput, VF.hasOutput, VF.basedOn, VF.inScopeOf,
  VF.plannedWithin, VF.planIncludes, VF.independentDemandOf, VF.hasIndependentDemand, VF.corrects,
  VF.fulfills, VF.satisfies, VF.settles, VF.triggeredBy, VF.realizationOf, VF.reciprocalRealizationOf,
  VF.realizes, VF.realizesReciprocal, VF.clauseOf, VF.reciprocalClauseOf, VF.stipulates,
  VF.stipulatesReciprocal, VF.primaryAccountable, VF.currentLocation, VF.toLocation, VF.primaryLocation,
  VF.eligibleLocation, VF.containedIn, VF.contains, VF.stage, VF.ofBatchLot, VF.primaryOutput,
  VF.processConformsTo, VF.recipeIncludes, VF.recipeInputOf, VF.recipeOutputOf, VF.hasRecipeInput,
  VF.hasRecipeOutput, VF.recipeClauseOf, VF.recipeReciprocalClauseOf, VF.recipeStipulates,
  VF.recipeStipulatesReciprocal, VF.publishes, VF.reciprocal, VF.proposedTo, VF.listedIn, VF.lists,
  VF.bundledIn, VF.bundles, VF.unitOfEffort, VF.defaultUnitOfResource, VF.defaultUnitOfEffort,
] as const;

/** Properties whose only domain in VF 1.0 is `vf:EconomicEvent`: a node using one is an event. */
export const VF_EVENT_ONLY_PROPERTIES = [
  VF.corrects, VF.fulfills, VF.realizationOf, VF.reciprocalRealizationOf, VF.settles, VF.toLocation,
  VF.toResourceInventoriedAs,
] as const;

/**
 * Properties that planned or recipe flows (Commitment, Intent, Claim, RecipeFlow) have and an
 * EconomicEvent never has: an untyped flow using one is not an event.
 */
export const VF_PLANNED_FLOW_ONLY_PROPERTIES = [
  VF.due, VF.clauseOf, VF.reciprocalClauseOf, VF.independentDemandOf, VF.plannedWithin,
  VF.availableQuantity, VF.minimumQuantity, VF.finished, VF.triggeredBy, VF.stage, VF.recipeInputOf,
  VF.recipeOutputOf, VF.recipeClauseOf, VF.recipeReciprocalClauseOf,
] as const;
