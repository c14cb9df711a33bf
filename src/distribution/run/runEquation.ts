import type { Decimal } from '../../model/index.js';
import { ContributionDeriver } from '../ContributionDeriver.js';
import { distribute } from '../DistributionEngine.js';
import type { PriorPayout } from '../DistributionEngine.js';
import type { DistributionResult } from '../DistributionResult.js';
import { readPriceList } from '../PriceList.js';
import { readScopeParents } from '../readScopeParents.js';
import type { ValueEquation } from '../ValueEquation.js';
import { ValueEquationReader } from '../ValueEquationReader.js';
import type { DistributionData } from './DistributionData.js';
import { OCE_RUN } from './RunVocabulary.js';

/** What to distribute: the equation's IRI, the amount, and the currency with its minor unit. */
export interface RunRequest {
  equation: string;
  amount: Decimal;
  /** IRI of the currency's ResourceSpecification; a committed run needs one. */
  currency: string | null;
  /** Digits of the currency's minor unit; 2 when absent. */
  scale?: number;
}

/**
 * Runs an equation of the data on an amount: reads the equation, the prices, the scope hierarchy
 * and the contributions to the equation's agent, and gives each other agent with exactly one
 * equation (not a run's snapshot) that equation for its share. Throws `ValueEquationError`.
 */
export function runEquation(data: DistributionData, request: RunRequest,
  priorPayouts: readonly PriorPayout[] = []): DistributionResult {
  const reader = new ValueEquationReader(data.quads);
  const equation = reader.read(request.equation);
  const prices = readPriceList(data.quads);
  const contributions = new ContributionDeriver(data.model, { network: equation.equationOf, prices }).derive();
  return distribute(equation, request.amount, {
    contributions,
    currency: request.currency,
    ...(request.scale === undefined ? {} : { scale: request.scale }),
    scopeParents: readScopeParents(data.quads),
    priorPayouts,
    subEquations: subEquationsOf(reader, equation, data),
  });
}

/**
 * Returns the equation of each other agent that exactly one live equation is `oce:equationOf`.
 * Snapshots kept in run documents (`oce:snapshotOf`) are not live, and an agent with several
 * equations gets none, so it keeps its share.
 */
function subEquationsOf(reader: ValueEquationReader, top: ValueEquation, data: DistributionData):
  Map<string, ValueEquation> {
  const snapshots = new Set(data.quads.filter((quad) => quad.predicate.equals(OCE_RUN.snapshotOf))
    .map((quad) => quad.subject.value));
  const byAgent = new Map<string, string[]>();
  for (const id of reader.equationIds().filter((each) => !snapshots.has(each) && each !== top.id)) {
    const agent = reader.read(id).equationOf;
    if (agent !== null && agent !== top.equationOf) {
      byAgent.set(agent, [...byAgent.get(agent) ?? [], id]);
    }
  }
  const equations = new Map<string, ValueEquation>();
  for (const [agent, ids] of byAgent) {
    if (ids.length === 1) {
      equations.set(agent, reader.read(ids[0] as string));
    }
  }
  return equations;
}
