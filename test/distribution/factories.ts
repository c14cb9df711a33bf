import { Parser } from 'n3';
import { distribute, distributionToJson, ValueEquationReader } from '../../src/distribution/index.js';
import type {
  Contribution, ContributionSet, DistributionJson, DistributionOptions, ValueEquation,
} from '../../src/distribution/index.js';
import { Decimal, parseDecimal } from '../../src/model/index.js';

/** Namespace of the agents, events and equation nodes of the unit tests. */
export const EX = 'https://example.org/';

/** Builds a contribution by `agent`; hours and quantity are decimal literals. */
export function contribution(event: string, agent: string, fields: Partial<Omit<Contribution, 'hours' | 'quantity'>> &
  { hours?: string; quantity?: string } = {}): Contribution {
  const { hours, quantity, ...rest } = fields;
  return {
    event: `${EX}${event}`, action: 'work', agent: `${EX}${agent}`,
    hours: parseDecimal(hours ?? '0'), quantity: parseDecimal(quantity ?? '0'),
    resource: null, resourceClassifications: [], inputOf: null, processClassifications: [], scope: null, time: null,
    currency: null, valuePerUnit: null, valuePerUnitOfUse: null, ...rest,
  };
}

/** Builds a contribution set; `producers` maps a resource to the processes that produced it. */
export function contributionSet(contributions: Contribution[],
  producers: Record<string, string[]> = {}): ContributionSet {
  return { contributions, producers: new Map(Object.entries(producers)) };
}

/** Reads the equation `ex:e` from Turtle that has the prefixes `ex:`, `oce:` and `vf:` declared. */
export function equationOf(turtle: string): ValueEquation {
  const prefixes = `@prefix ex: <${EX}> . @prefix oce: <https://w3id.org/oce/ns#> . ` +
    '@prefix vf: <https://w3id.org/valueflows/ont/vf#> .\n';
  return new ValueEquationReader(new Parser().parse(prefixes + turtle)).read(`${EX}e`);
}

/** Runs an equation on an amount over a contribution set and returns the JSON explanation. */
export function run(equation: ValueEquation, amount: string, set: ContributionSet,
  options: Partial<DistributionOptions> = {}): DistributionJson {
  const result = distribute(equation, parseDecimal(amount), { contributions: set, currency: null, ...options });
  return distributionToJson(result);
}

/** Returns `[agent local name, amount]` pairs of a run's payouts. */
export function payouts(json: DistributionJson): [string, string][] {
  return json.payouts.map((payout) => [payout.agent.replace(EX, ''), payout.amount]);
}

/** Sums decimal strings exactly. */
export function sum(values: string[]): Decimal {
  return values.reduce((total, value) => total.plus(value), new Decimal(0));
}
