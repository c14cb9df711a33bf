import type { ActionId } from '../model/index.js';

/** Maturity of an action in VF 1.0 (`vs:term_status`). */
export type ActionStatus = 'stable' | 'testing' | 'unstable';

/** Role an action may play for a process (`vf:inputOutput`): input, output, both or none. */
export type InputOutput = 'input' | 'output' | 'outputInput' | 'notApplicable';

/** Permission for an event to create a new resource record, as R (`optional`) or as T (`optionalTo`). */
export type CreateResource = 'optional' | 'optionalTo' | 'notApplicable';

/** Quantity an event of the action carries (`vf:eventQuantity`): resource, effort or both. */
export type EventQuantity = 'resource' | 'effort' | 'both';

/**
 * Change to `accountingQuantity` or `onhandQuantity`: `increment`/`decrement` change R by the
 * event's resourceQuantity q, `decrementIncrement` takes q from R and adds it to T (each side
 * only when present), `incrementTo` adds q to T and leaves R untouched.
 */
export type QuantityEffect = 'increment' | 'decrement' | 'decrementIncrement' | 'incrementTo' | 'notApplicable';

/** Target of the event's `toLocation`: R, T, or only a resource this event creates. */
export type LocationEffect = 'update' | 'updateTo' | 'new' | 'notApplicable';

/** Change to R's `containedIn`: set it to the container given as T, or clear it. */
export type ContainedEffect = 'update' | 'remove' | 'notApplicable';

/** Target of `primaryAccountable` := the event's receiver: T, or only a new resource. */
export type AccountableEffect = 'updateTo' | 'new' | 'notApplicable';

/** Stage rule: `update` sets R's `stage` to the ProcessSpecification of the process the event is output of. */
export type StageEffect = 'update' | 'notApplicable';

/** Target of the event's `state`: R or T. */
export type StateEffect = 'update' | 'updateTo' | 'notApplicable';

/** The behaviour of one VF action, one property per column of the VF action table. */
export interface ActionEffect {
  status: ActionStatus;
  inputOutput: InputOutput;
  /** The partner action acting on the same resource on the other side of a process, or null. */
  pairsWith: ActionId | null;
  createResource: CreateResource;
  eventQuantity: EventQuantity;
  accountingEffect: QuantityEffect;
  onhandEffect: QuantityEffect;
  locationEffect: LocationEffect;
  containedEffect: ContainedEffect;
  accountableEffect: AccountableEffect;
  stageEffect: StageEffect;
  stateEffect: StateEffect;
}

/** Column order of the compact rows below; it is also the order of the VF action table. */
type Row = [
  ActionStatus, InputOutput, ActionId | null, CreateResource, EventQuantity,
  QuantityEffect, QuantityEffect, LocationEffect, ContainedEffect, AccountableEffect, StageEffect, StateEffect,
];

const NA = 'notApplicable';

/*
 * Transcribed from the `vf:Action` individuals of the normative VF 1.0 Turtle (`all_vf.TTL`,
 * valueflows repository at commit 4a28edf). Where the action spreadsheet disagrees, the Turtle
 * wins. So `work` is effort-based: an optional resourceQuantity such as a head count is accepted
 * but never changes a resource. And pickup, dropoff, accept and modify cannot create a resource
 * on their own, because a T they name is created by the implied custody transfer instead.
 */
const ROWS: Record<ActionId, Row> = {
  produce: ['stable', 'output', null, 'optional', 'resource', 'increment', 'increment', 'new', NA, 'new', 'update', 'update'],
  consume: ['stable', 'input', null, NA, 'resource', 'decrement', 'decrement', NA, NA, NA, NA, 'update'],
  use: ['stable', 'input', null, NA, 'both', NA, NA, NA, NA, NA, NA, 'update'],
  work: ['stable', 'input', null, NA, 'effort', NA, NA, NA, NA, NA, NA, NA],
  cite: ['stable', 'input', null, NA, 'resource', NA, NA, NA, NA, NA, NA, 'update'],
  deliverService: ['stable', 'outputInput', null, NA, 'resource', NA, NA, NA, NA, NA, NA, NA],
  pickup: ['stable', 'input', 'dropoff', NA, 'resource', NA, 'decrement', 'update', NA, NA, NA, 'update'],
  dropoff: ['stable', 'output', 'pickup', NA, 'resource', NA, 'increment', 'update', NA, NA, 'update', 'update'],
  accept: ['stable', 'input', 'modify', NA, 'resource', NA, 'decrement', 'update', NA, NA, NA, 'update'],
  modify: ['stable', 'output', 'accept', NA, 'resource', NA, 'increment', 'update', NA, NA, 'update', 'update'],
  combine: ['unstable', 'input', null, NA, 'resource', NA, 'decrement', NA, 'update', NA, NA, 'update'],
  separate: ['testing', 'output', null, NA, 'resource', NA, 'increment', NA, 'remove', NA, 'update', 'update'],
  transferCustody: ['testing', NA, null, 'optionalTo', 'resource',
    NA, 'decrementIncrement', 'updateTo', NA, NA, NA, 'updateTo'],
  transferAllRights: ['testing', NA, null, 'optionalTo', 'resource',
    'decrementIncrement', NA, NA, NA, 'updateTo', NA, 'updateTo'],
  transfer: ['stable', NA, null, 'optionalTo', 'resource',
    'decrementIncrement', 'decrementIncrement', 'updateTo', NA, 'updateTo', NA, 'updateTo'],
  move: ['testing', NA, null, 'optionalTo', 'resource',
    'decrementIncrement', 'decrementIncrement', 'updateTo', NA, NA, NA, 'updateTo'],
  copy: ['unstable', NA, null, 'optionalTo', 'resource', 'incrementTo', 'incrementTo', 'new', NA, 'new', NA, 'updateTo'],
  raise: ['stable', NA, null, 'optional', 'resource', 'increment', 'increment', NA, NA, 'new', NA, 'update'],
  lower: ['stable', NA, null, 'optional', 'resource', 'decrement', 'decrement', NA, NA, 'new', NA, 'update'],
};

function toEffect(row: Row): ActionEffect {
  const [status, inputOutput, pairsWith, createResource, eventQuantity, accountingEffect, onhandEffect,
    locationEffect, containedEffect, accountableEffect, stageEffect, stateEffect] = row;
  return {
    status, inputOutput, pairsWith, createResource, eventQuantity, accountingEffect, onhandEffect,
    locationEffect, containedEffect, accountableEffect, stageEffect, stateEffect,
  };
}

/** The behaviour of each of the 19 VF 1.0 actions, keyed by action local name. */
export const ActionEffects: Readonly<Record<ActionId, Readonly<ActionEffect>>> = Object.freeze(
  Object.fromEntries(
    Object.entries(ROWS).map(([action, row]) => [action, Object.freeze(toEffect(row))]),
  ) as Record<ActionId, ActionEffect>,
);

/**
 * Actions that imply a full `transfer` (rights and custody) when provider and receiver differ.
 * VF states this rule ("implied transfers") only in the prose of its transfers page, with no
 * machine-readable flag in the Turtle.
 */
export const IMPLIED_TRANSFER_ACTIONS: readonly ActionId[] = Object.freeze(['consume', 'produce', 'deliverService']);

/**
 * Actions that imply a `transferCustody` when provider and receiver differ; like
 * {@link IMPLIED_TRANSFER_ACTIONS}, stated only in VF's prose on implied transfers.
 */
export const IMPLIED_CUSTODY_TRANSFER_ACTIONS: readonly ActionId[] = Object.freeze(['pickup', 'dropoff', 'accept', 'modify']);

/**
 * Returns the transfer action an event implies by VF's implied-transfer rule: `transfer` or
 * `transferCustody` when its action is in one of the two lists and provider ≠ receiver (both
 * present), otherwise null.
 */
export function impliedTransferOf(event: { action: ActionId; provider?: string; receiver?: string }):
'transfer' | 'transferCustody' | null {
  if (event.provider === undefined || event.receiver === undefined || event.provider === event.receiver) {
    return null;
  }
  if (IMPLIED_TRANSFER_ACTIONS.includes(event.action)) {
    return 'transfer';
  }
  if (IMPLIED_CUSTODY_TRANSFER_ACTIONS.includes(event.action)) {
    return 'transferCustody';
  }
  return null;
}
