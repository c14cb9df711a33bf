import type { Quad } from 'n3';
import { parseDecimal } from '../model/index.js';
import type { Decimal } from '../model/index.js';
import { OCE_DISTRIBUTION } from './DistributionVocabulary.js';
import { ValueEquationError } from './ValueEquationError.js';

/** Prices stated on one resource or resource specification. */
export interface Price {
  valuePerUnit?: Decimal;
  valuePerUnitOfUse?: Decimal;
}

/** Stated prices by resource or resource specification IRI. */
export type PriceList = ReadonlyMap<string, Price>;

/**
 * Reads `oce:valuePerUnit` and `oce:valuePerUnitOfUse` of every subject in `quads`. Throws a
 * {@link ValueEquationError} for a value that is not a decimal number or a subject with two
 * different values of one property.
 */
export function readPriceList(quads: readonly Quad[]): Map<string, Price> {
  const prices = new Map<string, Price>();
  const fields = [
    [OCE_DISTRIBUTION.valuePerUnit.value, 'valuePerUnit'],
    [OCE_DISTRIBUTION.valuePerUnitOfUse.value, 'valuePerUnitOfUse'],
  ] as const;
  for (const quad of quads) {
    const field = fields.find(([iri]) => iri === quad.predicate.value)?.[1];
    if (field === undefined) {
      continue;
    }
    const subject = quad.subject.value;
    const value = parsePrice(quad.object.value, subject, field);
    const price = prices.get(subject) ?? {};
    const earlier = price[field];
    if (earlier !== undefined && !earlier.equals(value)) {
      throw new ValueEquationError(`[${subject}] states two values of oce:${field}: ` +
        `[${earlier.toString()}] and [${value.toString()}]`, subject);
    }
    price[field] = value;
    prices.set(subject, price);
  }
  return prices;
}

function parsePrice(text: string, subject: string, field: string): Decimal {
  try {
    return parseDecimal(text);
  } catch {
    throw new ValueEquationError(`oce:${field} of [${subject}] must be a decimal number, got [${text}]`, subject);
  }
}
