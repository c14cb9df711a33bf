import type { BlankNode, Quad, Quad_Object, Quad_Subject } from 'n3';
import { Decimal } from '../../model/index.js';
import { blankNode, literal, namedNode, triple } from '../../solid/index.js';
import { OM2, RDF, VF, XSD } from '../../vocab/index.js';
import type { DistributionLine, DistributionResult } from '../DistributionResult.js';
import type { CommittedRun, WrittenPayout } from './CommittedRun.js';
import { DistributionRunError } from './DistributionRunError.js';
import type { EquationSnapshot } from './equationSnapshot.js';
import { OCE_RUN as OCE, ROUNDING_RULE } from './RunVocabulary.js';

/** The quads of a run document and the payouts they state. */
export interface RunDocument {
  quads: Quad[];
  payouts: WrittenPayout[];
}

/**
 * Checks that a run pays exactly its amount: the sum of its payouts plus its undistributed amount
 * equals the amount. Throws a {@link DistributionRunError} naming the three figures otherwise.
 */
export function checkRunSum(result: DistributionResult, run?: string): void {
  const paid = result.payouts.reduce((sum, payout) => sum.plus(payout.amount), new Decimal(0));
  if (!paid.plus(result.undistributed).equals(result.amount)) {
    throw new DistributionRunError(`The payouts [${paid.toString()}] plus the undistributed amount ` +
      `[${result.undistributed.toString()}] do not add up to the amount [${result.amount.toString()}], ` +
      'so the run was not written', run);
  }
}

/**
 * Builds the run document after checking the sum. It states the `oce:DistributionRun` with its
 * time, amount, currency, scale, rounding rule, undistributed amount and equation snapshot, and
 * one `oce:DistributionLine` per bucket line with the contribution events it counted. For each
 * payee other than the distributor, it adds a `vf:Claim` on the distributor settled by a
 * `vf:transfer` event of the payout.
 */
export function runToQuads(run: CommittedRun, snapshot: EquationSnapshot): RunDocument {
  const { result } = run;
  checkRunSum(result, run.id);
  if (result.currency === null) {
    throw new DistributionRunError(`Run [${run.id}] names no currency; a committed run needs one for its transfers`,
      run.id);
  }

  // The run node and the equation snapshot.
  const subject = namedNode(run.id);
  const money = (value: Decimal): Quad_Object => literal(value.toFixed(result.scale), XSD.decimal);
  const time = literal(run.runTime.toISOString(), XSD.dateTime);
  const quads: Quad[] = [
    triple(subject, RDF.type, OCE.DistributionRun),
    triple(subject, OCE.runTime, time),
    triple(subject, OCE.equation, namedNode(result.equation)),
    triple(subject, OCE.equationSnapshot, namedNode(snapshot.equation)),
    triple(subject, OCE.amount, money(result.amount)),
    triple(subject, OCE.currency, namedNode(result.currency)),
    triple(subject, OCE.scale, literal(String(result.scale), XSD.integer)),
    triple(subject, OCE.roundingRule, literal(ROUNDING_RULE)),
    triple(subject, OCE.undistributed, money(result.undistributed)),
    ...snapshot.quads,
  ];
  allLines(result).forEach((line, index) => quads.push(...lineQuads(run, snapshot, line, index + 1)));

  // A transfer from the distributor to itself moves nothing, so a share it keeps (such as a
  // network fee) is stated only by its line.
  const external = result.payouts.filter((payout) => payout.agent !== run.distributor);
  const payouts = external.map((payout, index): WrittenPayout => ({
    agent: payout.agent, amount: payout.amount,
    claim: `${run.document}#claim-${index + 1}`, event: `${run.document}#payout-${index + 1}`,
  }));
  for (const payout of payouts) {
    quads.push(...payoutQuads(run, payout, result.currency, money(payout.amount), time));
  }
  return { quads, payouts };
}

/** Lines of the run's buckets and, after them, those of every sub-network's own run. */
function allLines(result: DistributionResult): DistributionLine[] {
  return [
    ...result.buckets.flatMap((bucket) => bucket.lines.map((line) => ({ ...line, bucket: bucket.id }))),
    ...result.subDistributions.flatMap((sub) => allLines(sub.result)),
  ];
}

function lineQuads(run: CommittedRun, snapshot: EquationSnapshot, line: DistributionLine & { bucket?: string },
  index: number): Quad[] {
  const node = namedNode(`${run.document}#line-${index}`);
  const decimal = (value: Decimal): Quad_Object => literal(value.toString(), XSD.decimal);
  const quads = [
    triple(namedNode(run.id), OCE.line, node),
    triple(node, RDF.type, OCE.DistributionLine),
    triple(node, OCE.payee, namedNode(line.agent)),
    triple(node, OCE.claimKey, literal(line.claim)),
    triple(node, OCE.hours, decimal(line.hours)),
    triple(node, OCE.value, decimal(line.value)),
    triple(node, OCE.passedBack, decimal(line.passedBack)),
    triple(node, OCE.share, decimal(line.share)),
    triple(node, OCE.payout, literal(line.payout.toFixed(run.result.scale), XSD.decimal)),
    ...line.events.map((event) => triple(node, OCE.contributionEvent, namedNode(event))),
  ];
  const bucket = line.bucket === undefined ? undefined : nodeIri(snapshot, line.bucket);
  if (bucket !== undefined) {
    quads.push(triple(node, OCE.lineBucket, namedNode(bucket)));
  }
  const rule = line.rule === null ? undefined : nodeIri(snapshot, line.rule);
  if (rule !== undefined) {
    quads.push(triple(node, OCE.lineRule, namedNode(rule)));
  }
  if (line.limit !== null) {
    quads.push(triple(node, OCE.limit, literal(line.limit)));
  }
  return quads;
}

/** Returns the snapshot copy of a bucket or rule; a sub-network's node, not in the snapshot, keeps its IRI. */
function nodeIri(snapshot: EquationSnapshot, key: string): string | undefined {
  return snapshot.nodes.get(key) ?? (key.startsWith('_:') ? undefined : key);
}

function payoutQuads(run: CommittedRun, payout: WrittenPayout, currency: string, amount: Quad_Object,
  time: Quad_Object): Quad[] {
  const claim = namedNode(payout.claim);
  const event = namedNode(payout.event);
  const measure = (): [BlankNode, Quad[]] => {
    const node = blankNode();
    return [node, [triple(node, VF.hasNumericalValue, amount), triple(node, VF.hasUnit, OM2.one)]];
  };
  const [claimQuantity, claimMeasure] = measure();
  const [eventQuantity, eventMeasure] = measure();
  const common = (node: Quad_Subject): Quad[] => [
    triple(node, VF.action, VF.transfer),
    triple(node, VF.provider, namedNode(run.distributor)),
    triple(node, VF.receiver, namedNode(payout.agent)),
    triple(node, VF.resourceConformsTo, namedNode(currency)),
  ];
  return [
    triple(claim, RDF.type, VF.Claim),
    ...common(claim),
    triple(claim, VF.resourceQuantity, claimQuantity),
    ...claimMeasure,
    triple(claim, OCE.distributionRun, namedNode(run.id)),
    triple(claim, VF.created, time),
    triple(claim, VF.finished, literal('true', XSD.boolean)),
    triple(event, RDF.type, VF.EconomicEvent),
    ...common(event),
    triple(event, VF.resourceQuantity, eventQuantity),
    ...eventMeasure,
    triple(event, VF.settles, claim),
    triple(event, VF.hasPointInTime, time),
  ];
}
