import { Decimal } from '../model/index.js';
import type { Commitment, EconomicEvent, EconomicModel } from '../model/index.js';
import { flowQuantity } from './flowQuantity.js';
import { compareText } from './compareText.js';

/** Committed and realized quantities of one specification in one unit on one side of an agreement. */
export interface SideTotal {
  resourceConformsTo?: string;
  unit: string;
  committed: Decimal;
  realized: Decimal;
  /** Committed minus realized; negative when more was delivered than promised. */
  outstanding: Decimal;
}

/** One side of an agreement: its clauses (or reciprocal clauses), the events realizing them and totals. */
export interface AgreementSide {
  commitments: string[];
  events: string[];
  totals: SideTotal[];
}

/** The two sides of one agreement, such as work on one side and payment on the other. */
export interface AgreementBalance {
  agreement: string;
  name?: string;
  primary: AgreementSide;
  reciprocal: AgreementSide;
}

/**
 * Groups commitments and events by agreement and balances each side per specification and unit.
 * A side's commitments are those the agreement stipulates or that name it as `vf:clauseOf`
 * (`vf:stipulatesReciprocal` / `vf:reciprocalClauseOf` for the reciprocal side). Its events are
 * those it realizes, those naming it as `vf:realizationOf` (`vf:reciprocalRealizationOf`), and those
 * fulfilling one of the side's commitments. Each event counts once per side. Agreements that are
 * only named by commitments or events are included too.
 */
export function agreementBalances(model: EconomicModel): AgreementBalance[] {
  const commitments = [...(model.commitments?.values() ?? [])];
  const events = [...model.events.values()];
  const ids = new Set([
    ...(model.agreements?.keys() ?? []),
    ...commitments.flatMap((commitment) => [commitment.clauseOf, commitment.reciprocalClauseOf]),
    ...events.flatMap((event) => [event.realizationOf, event.reciprocalRealizationOf]),
  ].flatMap((id) => id ?? []));
  return [...ids].sort().map((id) => {
    const agreement = model.agreements?.get(id);
    return {
      agreement: id, name: agreement?.name,
      primary: side(commitments, events, agreement?.stipulates ?? [], agreement?.realizes ?? [],
        (commitment) => commitment.clauseOf === id, (event) => event.realizationOf === id),
      reciprocal: side(commitments, events, agreement?.stipulatesReciprocal ?? [], agreement?.realizesReciprocal ?? [],
        (commitment) => commitment.reciprocalClauseOf === id, (event) => event.reciprocalRealizationOf === id),
    };
  });
}

function side(
  commitments: Commitment[], events: EconomicEvent[], stipulated: string[], realized: string[],
  isClause: (commitment: Commitment) => boolean, isRealization: (event: EconomicEvent) => boolean,
): AgreementSide {
  const clauses = commitments.filter((commitment) => stipulated.includes(commitment.id) || isClause(commitment));
  const clauseIds = new Set(clauses.map((commitment) => commitment.id));
  const realizing = events.filter((event) => realized.includes(event.id) || isRealization(event) ||
    event.fulfills.some((id) => clauseIds.has(id)));
  const totals: SideTotal[] = [];
  const add = (flow: Commitment | EconomicEvent, field: 'committed' | 'realized'): void => {
    const quantity = flowQuantity(flow);
    if (quantity === undefined) {
      return;
    }
    const sameKey = (each: SideTotal): boolean =>
      each.unit === quantity.unit && each.resourceConformsTo === flow.resourceConformsTo;
    let total = totals.find(sameKey);
    if (total === undefined) {
      total = { resourceConformsTo: flow.resourceConformsTo, unit: quantity.unit, committed: new Decimal(0),
        realized: new Decimal(0), outstanding: new Decimal(0) };
      totals.push(total);
    }
    total[field] = total[field].plus(quantity.value);
    total.outstanding = total.committed.minus(total.realized);
  };
  clauses.forEach((commitment) => add(commitment, 'committed'));
  realizing.forEach((event) => add(event, 'realized'));
  return {
    commitments: [...clauseIds].sort(), events: realizing.map((event) => event.id).sort(),
    totals: totals.sort((a, b) => compareText(totalKey(a), totalKey(b))),
  };
}

function totalKey(total: SideTotal): string {
  return `${total.resourceConformsTo ?? ''} ${total.unit}`;
}
