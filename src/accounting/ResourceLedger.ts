import { Decimal } from '../model/index.js';
import type { EconomicResource, Quantity } from '../model/index.js';
import { compareCodeUnits } from './compareCodeUnits.js';

/** The derived state of one resource record after replaying the events that name it. */
export interface ResourceState {
  id: string;
  accountingQuantity: Quantity | null;
  onhandQuantity: Quantity | null;
  primaryAccountable: string | null;
  /** The agent with physical custody of the record's onhand quantity (not a VF property). */
  custodian: string | null;
  currentLocation: string | null;
  containedIn: string | null;
  stage: string | null;
  state: string | null;
  /** IRIs of the events that named this resource and were applied, in replay order. */
  events: string[];
}

/**
 * The mutable working copy of a {@link ResourceState} during replay. It keeps the quantities as
 * decimals with one shared unit and the custodian as set by events.
 */
export interface ResourceRecord extends Omit<ResourceState, 'accountingQuantity' | 'onhandQuantity' | 'custodian'> {
  /** Unit of both quantities, fixed by the first quantity effect; null while no effect applied. */
  unit: string | null;
  accounting: Decimal | null;
  onhand: Decimal | null;
  /** Custodian set by an event; null means custody still follows `primaryAccountable`. */
  custodian: string | null;
  /** True once an event has named the resource; the first such event may create it. */
  mentioned: boolean;
  /** Per quantity, the last event that took it from zero or more to below zero, or null. */
  wentNegativeBy: Record<QuantityField, string | null>;
}

/** Name of one of the two derived quantities of a record. */
export type QuantityField = 'accounting' | 'onhand';

/**
 * The resource records of one inventory replay, keyed by IRI. When a resource document exists,
 * its record starts from the document's accountable agent, location, container, stage and state,
 * and events then override them. Quantities start null, and only events set them.
 */
export class ResourceLedger {
  private readonly records = new Map<string, ResourceRecord>();

  public constructor(documents: ReadonlyMap<string, EconomicResource>) {
    for (const document of documents.values()) {
      const record = this.get(document.id);
      record.primaryAccountable = document.primaryAccountable ?? null;
      record.currentLocation = document.currentLocation ?? null;
      record.containedIn = document.containedIn ?? null;
      record.stage = document.stage ?? null;
      record.state = document.state ?? null;
    }
  }

  /** Returns the record of a resource, creating an empty one for an IRI seen for the first time. */
  public get(id: string): ResourceRecord {
    let record = this.records.get(id);
    if (record === undefined) {
      record = {
        id, unit: null, accounting: null, onhand: null, primaryAccountable: null, custodian: null,
        currentLocation: null, containedIn: null, stage: null, state: null, events: [], mentioned: false,
        wentNegativeBy: { accounting: null, onhand: null },
      };
      this.records.set(id, record);
    }
    return record;
  }

  /** Tells whether an event has named the resource yet. */
  public isMentioned(id: string): boolean {
    return this.records.get(id)?.mentioned ?? false;
  }

  /** Marks the resource as named by an event and appends the event to its provenance once. */
  public mention(id: string, eventId: string): void {
    const record = this.get(id);
    record.mentioned = true;
    if (record.events.at(-1) !== eventId) {
      record.events.push(eventId);
    }
  }

  /**
   * Adds a signed amount to one quantity of a record. The first change fixes the record's unit
   * and sets both quantities to zero before adding; callers check the unit beforehand.
   * `eventId` is remembered when the change takes the quantity below zero.
   */
  public add(id: string, field: QuantityField, amount: Decimal, unit: string, eventId: string): void {
    const record = this.get(id);
    if (record.unit === null) {
      record.unit = unit;
      record.accounting = new Decimal(0);
      record.onhand = new Decimal(0);
    }
    const before = record[field] ?? new Decimal(0);
    const after = before.plus(amount);
    if (after.isNegative() && !after.isZero() && !(before.isNegative() && !before.isZero())) {
      record.wentNegativeBy[field] = eventId;
    }
    record[field] = after;
  }

  /** Returns the records whose accounting or onhand quantity is below zero, sorted by IRI. */
  public negativeRecords(): ResourceRecord[] {
    const ids = [...this.records.keys()].sort(compareCodeUnits);
    return ids.map((id) => this.get(id)).filter((record) =>
      [record.accounting, record.onhand].some((value) => value !== null && value.isNegative() && !value.isZero()));
  }

  /** Returns the derived state of every record, sorted by IRI in code-unit order. */
  public snapshot(): ResourceState[] {
    const ids = [...this.records.keys()].sort(compareCodeUnits);
    return ids.map((id) => toState(this.get(id)));
  }
}

function toQuantity(value: Decimal | null, unit: string | null): Quantity | null {
  return value === null || unit === null ? null : { value, unit };
}

function toState(record: ResourceRecord): ResourceState {
  return {
    id: record.id,
    accountingQuantity: toQuantity(record.accounting, record.unit),
    onhandQuantity: toQuantity(record.onhand, record.unit),
    primaryAccountable: record.primaryAccountable,
    custodian: record.custodian ?? record.primaryAccountable,
    currentLocation: record.currentLocation,
    containedIn: record.containedIn,
    stage: record.stage,
    state: record.state,
    events: [...record.events],
  };
}
