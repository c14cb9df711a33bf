/**
 * Planning and coordination: recipes exploded backward into plans (dependent demand), plans
 * written to pods, and the status of commitments, intents, claims, offers, needs and agreements.
 * Everything but {@link PlanWriter} is a pure function of an `EconomicModel`;
 * {@link NetworkCoordination} also rolls flows up through a scope hierarchy.
 */
export { agreementBalances } from './agreementBalances.js';
export type { AgreementBalance, AgreementSide, SideTotal } from './agreementBalances.js';
export {
  agreementBalanceToJson, flowProgressToJson, needMatchesToJson, statusSummaryToJson,
} from './CoordinationJson.js';
export type {
  AgreementBalanceJson, AgreementSideJson, FlowProgressJson, NeedMatchesJson, StatusSummaryJson,
} from './CoordinationJson.js';
export { coordinationStatus } from './coordinationStatus.js';
export type { CoordinationStatus, FlowProgress, FlowStatus } from './coordinationStatus.js';
export { durationInSeconds } from './durationInSeconds.js';
export { flowQuantity, matchingQuantity } from './flowQuantity.js';
export { FlowScopes } from './FlowScopes.js';
export type { ScopedFlow, ScopeHierarchy } from './FlowScopes.js';
export type { FlowQuantities } from './flowQuantity.js';
export { fragmentPlanIris } from './GeneratedPlan.js';
export type {
  DependentDemand, GeneratedPlan, PlanDemand, PlanIris, PlannedAgreement, PlannedCommitment, PlannedProcess,
} from './GeneratedPlan.js';
export { Instant } from './Instant.js';
export { matchOffersAndNeeds } from './matchOffersAndNeeds.js';
export type { NeedMatches, OfferMatch } from './matchOffersAndNeeds.js';
export { NetworkCoordination } from './NetworkCoordination.js';
export type { CoordinationFilter } from './NetworkCoordination.js';
export { onHandBySpecification } from './onHandBySpecification.js';
export type { OnHandTotals } from './onHandBySpecification.js';
export { PlanningError } from './PlanningError.js';
export { planToJson, planToText } from './PlanReport.js';
export type { DependentDemandJson, PlanJson, PlannedCommitmentJson } from './PlanReport.js';
export { planToQuads } from './planToQuads.js';
export type { PlanQuads } from './planToQuads.js';
export { PlanWriter } from './PlanWriter.js';
export type { WrittenPlan } from './PlanWriter.js';
export { RecipeBook } from './RecipeBook.js';
export type { RecipeSelection } from './RecipeBook.js';
export { RecipeExploder, explodeRecipe } from './RecipeExploder.js';
export type { ExplodeOptions } from './RecipeExploder.js';
export { INEXACT_SCALE, scaleQuantity } from './scaleQuantity.js';
export type { ScaledValue } from './scaleQuantity.js';
export { statusToJson, statusToText } from './StatusReport.js';
export type { StatusJson } from './StatusReport.js';
export { summarizeFlows } from './summarizeFlows.js';
export type { RemainingTotal, StatusSummary } from './summarizeFlows.js';
