/**
 * The accounting engine: pure functions over an `EconomicModel`, no I/O.
 * Inventories replay events through the VF 1.0 action table; contributions sum what each agent
 * provided, per kind, scope and process.
 */
export {
  ActionEffects, IMPLIED_CUSTODY_TRANSFER_ACTIONS, IMPLIED_TRANSFER_ACTIONS, impliedTransferOf,
} from './ActionEffects.js';
export type {
  AccountableEffect, ActionEffect, ActionStatus, ContainedEffect, CreateResource, EventQuantity, InputOutput,
  LocationEffect, QuantityEffect, StageEffect, StateEffect,
} from './ActionEffects.js';
export { checkEvent } from './checkEvent.js';
export type { EventCheck } from './checkEvent.js';
export { ContributionCalculator, computeContributions } from './ContributionCalculator.js';
export type {
  AgentContributions, ContributionLine, ContributionResult, ContributionTotal,
} from './ContributionCalculator.js';
export { contributionParts } from './contributionParts.js';
export type { ContributionKind, ContributionPart } from './contributionParts.js';
export { InventoryCalculator, computeInventory } from './InventoryCalculator.js';
export type { InventoryResult } from './InventoryCalculator.js';
export { orderEvents } from './orderEvents.js';
export type { OrderedEvents } from './orderEvents.js';
export type { ResourceState } from './ResourceLedger.js';
