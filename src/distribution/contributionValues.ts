import { Decimal } from '../model/index.js';
import type { Contribution } from './Contribution.js';

/** Variables a formula may declare, each one a number known for every contribution. */
export const CONTRIBUTION_VARIABLES = ['quantity', 'hours', 'value', 'valuePerUnit', 'valuePerUnitOfUse'] as const;

/** Name of one of the {@link CONTRIBUTION_VARIABLES}. */
export type ContributionVariable = (typeof CONTRIBUTION_VARIABLES)[number];

/** The formula variables of one contribution, and those that had no stated price and are 0. */
export interface ContributionValues {
  values: Map<string, Decimal>;
  unpriced: ContributionVariable[];
}

/**
 * Computes the formula variables of a contribution. `hours` is the effort quantity and
 * `quantity` the resource quantity. For money in the distribution's currency, `value` is the
 * quantity itself. For a `use` it is the hours (or, without hours, the quantity) times
 * `valuePerUnitOfUse`, and otherwise the quantity times `valuePerUnit`. A price that is not stated
 * is 0, and so is a `value` that needs one, and both are listed in `unpriced`.
 */
export function contributionValues(contribution: Contribution, currency: string | null): ContributionValues {
  const zero = new Decimal(0);
  const unpriced: ContributionVariable[] = [];
  if (contribution.valuePerUnit === null) {
    unpriced.push('valuePerUnit');
  }
  if (contribution.valuePerUnitOfUse === null) {
    unpriced.push('valuePerUnitOfUse');
  }
  const value = valueOf(contribution, currency);
  if (value === null) {
    unpriced.push('value');
  }
  const values = new Map<string, Decimal>([
    ['quantity', contribution.quantity],
    ['hours', contribution.hours],
    ['value', value ?? zero],
    ['valuePerUnit', contribution.valuePerUnit ?? zero],
    ['valuePerUnitOfUse', contribution.valuePerUnitOfUse ?? zero],
  ]);
  return { values, unpriced };
}

function valueOf(contribution: Contribution, currency: string | null): Decimal | null {
  if (contribution.currency !== null && contribution.currency === currency) {
    return contribution.quantity;
  }
  if (contribution.action === 'use' && contribution.valuePerUnitOfUse !== null) {
    const used = contribution.hours.isZero() ? contribution.quantity : contribution.hours;
    return used.times(contribution.valuePerUnitOfUse);
  }
  return contribution.valuePerUnit === null ? null : contribution.quantity.times(contribution.valuePerUnit);
}
