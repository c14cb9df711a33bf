import type { Quad } from 'n3';
import { Decimal, parseDecimal } from '../../model/index.js';
import { QuadIndex, termKey } from '../../rdf/index.js';
import { RDF, VF } from '../../vocab/index.js';
import type { PriorPayout } from '../DistributionEngine.js';
import { OCE_RUN as OCE } from './RunVocabulary.js';

/** A committed run as read back from RDF. */
export interface CommittedRunSummary {
  id: string;
  /** The document stating the run: the graph of its type quad, else its IRI without the fragment. */
  document: string;
  equation: string | null;
  runTime: string | null;
  amount: string | null;
  currency: string | null;
  undistributed: string | null;
  /** Payout claims of the run, each with the transfer events that settle it, by payee IRI. */
  payouts: { agent: string | null; amount: string | null; claim: string; events: string[] }[];
}

/** Lists every `oce:DistributionRun` in the quads, sorted by run time and then IRI. */
export function readCommittedRuns(quads: readonly Quad[]): CommittedRunSummary[] {
  const index = new QuadIndex(quads);
  const first = (subject: string, predicate: string): string | null =>
    index.objects(subject, predicate)[0]?.value ?? null;
  const claimsByRun = new Map<string, string[]>();
  for (const quad of index.quadsWith(OCE.distributionRun.value)) {
    claimsByRun.set(quad.object.value, [...claimsByRun.get(quad.object.value) ?? [], quad.subject.value]);
  }
  const settledBy = new Map<string, string[]>();
  for (const quad of index.quadsWith(VF.settles.value)) {
    settledBy.set(quad.object.value, [...settledBy.get(quad.object.value) ?? [], quad.subject.value]);
  }
  const runs = index.quadsWith(RDF.type.value)
    .filter((quad) => quad.object.equals(OCE.DistributionRun) && quad.subject.termType === 'NamedNode');
  const summaries = [...new Map(runs.map((quad) => [quad.subject.value, quad])).values()].map((quad) => {
    const id = quad.subject.value;
    const quantity = (claim: string): string | null => {
      const measure = index.objects(claim, VF.resourceQuantity.value)[0];
      return measure === undefined ? null : first(termKey(measure), VF.hasNumericalValue.value);
    };
    return {
      id,
      document: quad.graph.termType === 'NamedNode' ? quad.graph.value : id.replace(/#.*$/u, ''),
      equation: first(id, OCE.equation.value),
      runTime: first(id, OCE.runTime.value),
      amount: first(id, OCE.amount.value),
      currency: first(id, OCE.currency.value),
      undistributed: first(id, OCE.undistributed.value),
      payouts: [...new Set(claimsByRun.get(id) ?? [])].sort().map((claim) => ({
        agent: first(claim, VF.receiver.value),
        amount: quantity(claim),
        claim,
        events: [...new Set(settledBy.get(claim) ?? [])].sort(),
      })),
    };
  });
  return summaries.sort((a, b) => compare(a.runTime ?? '', b.runTime ?? '') || compare(a.id, b.id));
}

/**
 * Sums what the `oce:DistributionLine`s of committed runs paid, per claim key and payee, for the
 * engine's `priorPayouts`, so that debt-like and one-off claims count earlier runs. A line
 * without a claim key, payee or decimal payout is skipped.
 */
export function readPriorPayouts(quads: readonly Quad[]): PriorPayout[] {
  const index = new QuadIndex(quads);
  const sums = new Map<string, PriorPayout>();
  const lines = new Set(index.quadsWith(RDF.type.value)
    .filter((quad) => quad.object.equals(OCE.DistributionLine)).map((quad) => quad.subject.value));
  for (const line of lines) {
    const claim = index.objects(line, OCE.claimKey.value)[0]?.value;
    const agent = index.objects(line, OCE.payee.value)[0]?.value;
    const payout = decimalOrNull(index.objects(line, OCE.payout.value)[0]?.value);
    if (claim === undefined || agent === undefined || payout === null) {
      continue;
    }
    const key = JSON.stringify([claim, agent]);
    const sum = sums.get(key) ?? { claim, agent, amount: new Decimal(0) };
    sum.amount = sum.amount.plus(payout);
    sums.set(key, sum);
  }
  return [...sums.values()];
}

function decimalOrNull(text: string | undefined): Decimal | null {
  if (text === undefined) {
    return null;
  }
  try {
    return parseDecimal(text);
  } catch {
    return null;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : Number(a > b);
}
