/**
 * Value equations and income distribution: reading `oce:ValueEquation`s from RDF, a safe formula
 * evaluator over exact decimals, and an engine that splits an amount among contributors, pure
 * and without I/O, with an explanation of every payout.
 */
export { allocateLargestRemainder } from './allocateLargestRemainder.js';
export { BackflowTracer } from './BackflowTracer.js';
export type { Credit, TraceContext } from './BackflowTracer.js';
export { BucketAllocator } from './BucketAllocator.js';
export type { AllocationContext } from './BucketAllocator.js';
export type { Contribution, ContributionSet } from './Contribution.js';
export { ContributionDeriver } from './ContributionDeriver.js';
export type { ContributionOptions } from './ContributionDeriver.js';
export { CONTRIBUTION_VARIABLES, contributionValues } from './contributionValues.js';
export type { ContributionValues, ContributionVariable } from './contributionValues.js';
export { DISPLAY_VALUE_PLACES, distributionToJson } from './distributionToJson.js';
export type { BucketJson, DistributionJson, DistributionLineJson } from './distributionToJson.js';
export { distributionToText } from './distributionToText.js';
export { distribute, DistributionEngine } from './DistributionEngine.js';
export type { DistributionOptions, PriorPayout } from './DistributionEngine.js';
export type { BucketResult, DistributionLine, DistributionResult, Payout, SubDistribution } from './DistributionResult.js';
export { OCE_DISTRIBUTION } from './DistributionVocabulary.js';
export { DIVISION_DIGITS, divideDecimal } from './divideDecimal.js';
export { equationQuads } from './equationQuads.js';
export { Formula, MAX_FORMULA_LENGTH, MAX_FORMULA_NODES } from './Formula.js';
export type { FormulaValues } from './Formula.js';
export { MAX_SCALE, MinorUnits } from './MinorUnits.js';
export { planTotalTargets } from './planTotalTargets.js';
export { readPriceList } from './PriceList.js';
export type { Price, PriceList } from './PriceList.js';
export { readScopeParents } from './readScopeParents.js';
export { RuleMatcher } from './RuleMatcher.js';
export type { Bucket, BucketRule, BucketSize, ClaimKind, ValueEquation } from './ValueEquation.js';
export { ValueEquationError } from './ValueEquationError.js';
export { ValueEquationReader } from './ValueEquationReader.js';
