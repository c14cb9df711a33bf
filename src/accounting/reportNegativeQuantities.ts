import { formatDecimal, problem } from '../model/index.js';
import type { EconomicEvent, Problem } from '../model/index.js';
import type { QuantityField, ResourceLedger } from './ResourceLedger.js';

const FIELD_NAMES: Record<QuantityField, string> = { accounting: 'accountingQuantity', onhand: 'onhandQuantity' };

/**
 * Returns a warning for each quantity of a resource that ends the replay below zero, naming the
 * resource, the quantity and the last event that took it from zero or more to below zero. A
 * negative stock is legal in VF but usually means a missing or mistaken event.
 */
export function reportNegativeQuantities(ledger: ResourceLedger, events: ReadonlyMap<string, EconomicEvent>):
Problem[] {
  const problems: Problem[] = [];
  for (const record of ledger.negativeRecords()) {
    for (const field of ['accounting', 'onhand'] as const) {
      const value = record[field];
      if (value === null || !value.isNegative() || value.isZero()) {
        continue;
      }
      const eventId = record.wentNegativeBy[field];
      const cause = eventId === null ? 'no single event' : `event [${eventId}]`;
      const message = `Resource [${record.id}] ends with ${FIELD_NAMES[field]} ` +
        `[${formatDecimal(value)} ${record.unit ?? ''}] below zero; ${cause} took it below zero.`;
      const source = eventId === null ? null : events.get(eventId)?.source ?? null;
      problems.push(problem('warning', message, { subject: record.id, source }));
    }
  }
  return problems;
}
