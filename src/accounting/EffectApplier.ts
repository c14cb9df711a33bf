import { problem } from '../model/index.js';
import type { ActionId, EconomicEvent, Problem, Process } from '../model/index.js';
import { ActionEffects, impliedTransferOf } from './ActionEffects.js';
import type { ActionEffect, QuantityEffect } from './ActionEffects.js';
import type { QuantityField, ResourceLedger } from './ResourceLedger.js';

/** One signed change of one quantity of one resource, before multiplying by the event's quantity. */
interface QuantityChange {
  resource: string;
  field: QuantityField;
  sign: 1 | -1;
}

/** The resources an event's effects land on. */
interface Targets {
  /** R for the action's own effects: T instead when an input action implies a transfer onto T. */
  ownR: string | undefined;
  r: string | undefined;
  t: string | undefined;
  implied: 'transfer' | 'transferCustody' | null;
}

/** The parts of an event that decide its targets; a correction fills gaps from the corrected event. */
interface EffectiveEvent {
  id: string;
  source: string;
  action: ActionId;
  provider?: string | undefined;
  receiver?: string | undefined;
  resourceInventoriedAs?: string | undefined;
  toResourceInventoriedAs?: string | undefined;
}

/*
 * VF's implied-transfer rule (VF transfers page, "implied transfers") applies when provider and
 * receiver differ. Then consume, produce and deliverService also transfer rights and custody,
 * and pickup, dropoff, accept and modify also transfer custody. With T given, the transfer's
 * effects follow the action's own: R −q, T +q, and its location, accountable, state and custody
 * effects on T. An input action (consume, pickup, accept) puts the input into the receiver's
 * process, so its own effects land on T. Thus R loses q once and T nets to zero. An output
 * action's own effects land on R, and the transfer then moves q on to T.
 */
function targetsOf(event: EffectiveEvent, row: ActionEffect): Targets {
  const r = event.resourceInventoriedAs;
  const t = event.toResourceInventoriedAs;
  const implied = impliedTransferOf(event);
  const ownR = implied !== null && t !== undefined && row.inputOutput === 'input' ? t : r;
  return { ownR, r, t, implied };
}

function changesOf(effect: QuantityEffect, field: QuantityField, r: string | undefined, t: string | undefined):
QuantityChange[] {
  const changes: QuantityChange[] = [];
  const push = (resource: string | undefined, sign: 1 | -1): void => {
    if (resource !== undefined) {
      changes.push({ resource, field, sign });
    }
  };
  if (effect === 'increment') {
    push(r, 1);
  } else if (effect === 'decrement') {
    push(r, -1);
  } else if (effect === 'decrementIncrement') {
    push(r, -1);
    push(t, 1);
  } else if (effect === 'incrementTo') {
    push(t, 1);
  }
  return changes;
}

function rowChanges(row: ActionEffect, r: string | undefined, t: string | undefined): QuantityChange[] {
  return [...changesOf(row.accountingEffect, 'accounting', r, t), ...changesOf(row.onhandEffect, 'onhand', r, t)];
}

/** The records one row of effects lands on, and the agent each side's new accountable or custodian is. */
interface FieldTargets {
  r: string | undefined;
  t: string | undefined;
  rAgent: string | null;
  tAgent: string | null;
}

type CustodyRecord = { id: string; custodian: string | null } | null;

/** Returns `r` when `effect` is the R-side value, `t` when it is the T-side value, otherwise null. */
function pick<T>(effect: string, rValue: string, tValue: string, r: T | null, t: T | null): T | null {
  if (effect === rValue) {
    return r;
  }
  if (effect === tValue) {
    return t;
  }
  return null;
}

/**
 * Sets the custodian of a record this event creates to that side's agent (normally the
 * receiver), and the custodian of T to the receiver when the action moves onhand quantity onto T
 * (transfer, transferCustody, move, copy). An event without that agent changes no custodian.
 */
function applyCustody(row: ActionEffect, on: FieldTargets, r: CustodyRecord, t: CustodyRecord,
  created: Set<string>): void {
  if (r !== null && created.has(r.id) && on.rAgent !== null) {
    r.custodian = on.rAgent;
  }
  if (t !== null && created.has(t.id) && on.tAgent !== null) {
    t.custodian = on.tAgent;
  }
  const movesOnhandToT = row.onhandEffect === 'decrementIncrement' || row.onhandEffect === 'incrementTo';
  if (t !== null && movesOnhandToT && on.tAgent !== null) {
    t.custodian = on.tAgent;
  }
}

/**
 * Applies the effects of single events to a {@link ResourceLedger}, following the VF action
 * table in {@link ActionEffects} and VF's implied-transfer rule, and collects the problems found.
 */
export class EffectApplier {
  public readonly problems: Problem[] = [];

  public constructor(
    private readonly ledger: ResourceLedger,
    private readonly processes: ReadonlyMap<string, Process>,
  ) {}

  /** Applies every effect of an ordinary (non-correcting) event. */
  public applyEvent(event: EconomicEvent): void {
    const row = ActionEffects[event.action];
    const targets = targetsOf(event, row);
    const created = this.createdBy(row, targets);
    this.applyQuantities(event, event, this.quantityChanges(row, targets));
    const receiver = event.receiver ?? null;
    const transfersOnward = targets.implied !== null && targets.t !== undefined;
    // With a transfer onto T, R stays the provider's record, so creating R names the provider.
    const rAgent = transfersOnward ? event.provider ?? null : receiver;
    const ownRAgent = targets.ownR === targets.r ? rAgent : receiver;
    this.applyFields(event, row, { r: targets.ownR, t: targets.t, rAgent: ownRAgent, tAgent: receiver }, created);
    if (transfersOnward && targets.implied !== null) {
      const on = { r: targets.r, t: targets.t, rAgent, tAgent: receiver };
      this.applyFields(event, ActionEffects[targets.implied], on, created);
    } else if (targets.implied === 'transferCustody' && targets.r !== undefined && event.receiver !== undefined) {
      // Without a receiver-side record, the implied custody transfer hands R itself to the receiver.
      this.ledger.get(targets.r).custodian = event.receiver;
    }
    this.mentionAll(event.id, targets);
  }

  /**
   * Applies a correction's own signed resourceQuantity with the quantity effects of `action`
   * (the corrected event's), including those of an implied transfer. Provider, receiver, R and T
   * come from the correction, or from the corrected event where the correction omits them. A
   * correction changes quantities only: it creates no resource and sets no location, accountable
   * agent, custodian, container, stage or state.
   */
  public applyCorrection(correction: EconomicEvent, corrected: EconomicEvent, action: ActionId): void {
    const effective: EffectiveEvent = {
      id: correction.id,
      source: correction.source,
      action,
      provider: correction.provider ?? corrected.provider,
      receiver: correction.receiver ?? corrected.receiver,
      resourceInventoriedAs: correction.resourceInventoriedAs ?? corrected.resourceInventoriedAs,
      toResourceInventoriedAs: correction.toResourceInventoriedAs ?? corrected.toResourceInventoriedAs,
    };
    const row = ActionEffects[action];
    const targets = targetsOf(effective, row);
    this.applyQuantities(effective, correction, this.quantityChanges(row, targets));
    this.mentionAll(correction.id, targets);
  }

  private quantityChanges(row: ActionEffect, targets: Targets): QuantityChange[] {
    const changes = rowChanges(row, targets.ownR, targets.t);
    if (targets.implied !== null && targets.t !== undefined) {
      changes.push(...rowChanges(ActionEffects[targets.implied], targets.r, targets.t));
    }
    return changes;
  }

  /** Returns the resources this event creates: a first-named R or T that its action or implied transfer may create. */
  private createdBy(row: ActionEffect, targets: Targets): Set<string> {
    const created = new Set<string>();
    if (row.createResource === 'optional' && targets.r !== undefined && !this.ledger.isMentioned(targets.r)) {
      created.add(targets.r);
    }
    const createsTo = row.createResource === 'optionalTo' || targets.implied !== null;
    if (createsTo && targets.t !== undefined && !this.ledger.isMentioned(targets.t)) {
      created.add(targets.t);
    }
    return created;
  }

  /**
   * Adds ±q to every change target. An event whose unit differs from a target's unit changes no
   * quantity at all, so a transfer never moves q out of R without adding it to T.
   */
  private applyQuantities(event: EffectiveEvent, carrier: EconomicEvent, changes: QuantityChange[]): void {
    if (changes.length === 0) {
      return;
    }
    const where = { subject: event.id, source: event.source };
    const quantity = carrier.resourceQuantity;
    if (quantity === undefined) {
      this.problems.push(problem('warning', `Event [${event.id}] with action [${event.action}] changes a resource ` +
        'quantity but has no resourceQuantity; its quantity effects were skipped.', where));
      return;
    }
    const mismatched = new Set(changes.map((change) => change.resource)
      .filter((id) => { const unit = this.ledger.get(id).unit; return unit !== null && unit !== quantity.unit; }));
    for (const id of mismatched) {
      this.problems.push(problem('error', `Event [${event.id}] is in unit [${quantity.unit}] but resource [${id}] ` +
        `is counted in unit [${this.ledger.get(id).unit}]; the event's quantity was not applied.`, where));
    }
    if (mismatched.size > 0) {
      return;
    }
    for (const change of changes) {
      this.ledger.add(change.resource, change.field, quantity.value.times(change.sign), quantity.unit, event.id);
    }
  }

  private applyFields(event: EconomicEvent, row: ActionEffect, on: FieldTargets, created: Set<string>): void {
    const r = on.r === undefined ? null : this.ledger.get(on.r);
    const t = on.t === undefined ? null : this.ledger.get(on.t);
    const createdSide = pick(row.createResource, 'optional', 'optionalTo', r, t);
    const fresh = createdSide !== null && created.has(createdSide.id) ? createdSide : null;

    // Location and containment: VF locationEffect and containedEffect (container given as T).
    if (event.toLocation !== undefined) {
      const located = row.locationEffect === 'new' ? fresh : pick(row.locationEffect, 'update', 'updateTo', r, t);
      if (located !== null) {
        located.currentLocation = event.toLocation;
      }
    }
    if (r !== null && row.containedEffect === 'update' && on.t !== undefined) {
      r.containedIn = on.t;
    } else if (r !== null && row.containedEffect === 'remove') {
      r.containedIn = null;
    }

    // Accountable agent and custodian: VF accountableEffect; custody is this project's own rule.
    if (row.accountableEffect === 'updateTo' && t !== null && on.tAgent !== null) {
      t.primaryAccountable = on.tAgent;
    } else if (row.accountableEffect === 'new' && fresh !== null) {
      const agent = fresh === r ? on.rAgent : on.tAgent;
      fresh.primaryAccountable = agent ?? fresh.primaryAccountable;
    }
    applyCustody(row, on, r, t, created);

    // Stage and state: VF stageEffect (spec of the process this is output of) and stateEffect.
    const stage = row.stageEffect === 'update' ? this.stageOf(event) : null;
    if (r !== null && stage !== null) {
      r.stage = stage;
    }
    const stated = pick(row.stateEffect, 'update', 'updateTo', r, t);
    if (stated !== null && event.state !== undefined) {
      stated.state = event.state;
    }
  }

  private stageOf(event: EconomicEvent): string | null {
    const process = event.outputOf === undefined ? undefined : this.processes.get(event.outputOf);
    return process?.basedOn ?? null;
  }

  private mentionAll(eventId: string, targets: Targets): void {
    for (const id of [targets.r, targets.t]) {
      if (id !== undefined) {
        this.ledger.mention(id, eventId);
      }
    }
  }
}
