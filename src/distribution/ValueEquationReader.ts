import type { Quad } from 'n3';
import type { Decimal } from '../model/index.js';
import { RDF, RDFS } from '../vocab/index.js';
import { readBucketRule, readCap, readClaimKind, readVariables } from './BucketRuleReader.js';
import { OCE_DISTRIBUTION as OCE } from './DistributionVocabulary.js';
import { NodeReader } from './NodeReader.js';
import type { Bucket, BucketRule, BucketSize, ValueEquation } from './ValueEquation.js';
import { ValueEquationError } from './ValueEquationError.js';

/**
 * Reads `oce:ValueEquation` nodes from RDF into typed {@link ValueEquation}s. Every error is a
 * {@link ValueEquationError} naming the equation, bucket or rule node and the value found.
 */
export class ValueEquationReader {
  private readonly reader: NodeReader;

  public constructor(quads: readonly Quad[]) {
    this.reader = new NodeReader(quads);
  }

  /** Returns the IRIs of every node typed `oce:ValueEquation`, sorted. */
  public equationIds(): string[] {
    return this.reader.index.quadsWith(RDF.type.value)
      .filter((quad) => quad.object.value === OCE.ValueEquation.value && quad.subject.termType === 'NamedNode')
      .map((quad) => quad.subject.value)
      .sort();
  }

  /** Reads the equation `id`; throws when it is not typed `oce:ValueEquation` or is invalid. */
  public read(id: string): ValueEquation {
    if (!this.equationIds().includes(id)) {
      const known = this.equationIds().map((each) => `[${each}]`).join(', ') || 'none';
      throw new ValueEquationError(`Value equation [${id}] was not found; equations in the data: ${known}`, id);
    }
    const buckets = this.reader.all(id, OCE.bucket.value)
      .map((value) => this.readBucket(this.reader.nodeKey(id, OCE.bucket.value, value)))
      .sort((a, b) => a.order - b.order);
    if (buckets.length === 0) {
      throw new ValueEquationError(`Value equation [${id}] has no oce:bucket, expected at least one`, id);
    }
    checkUniqueOrders(id, buckets);
    const equationOf = this.reader.optional(id, OCE.equationOf.value);
    return {
      id,
      label: this.reader.text(id, RDFS.label.value),
      equationOf: equationOf === null ? null : this.reader.iri(id, OCE.equationOf.value, equationOf),
      buckets,
    };
  }

  private readBucket(node: string): Bucket {
    const reader = this.reader;
    const order = reader.integer(node, OCE.order.value);
    if (order === null) {
      throw new ValueEquationError(`Bucket [${node}] has no oce:order, expected an integer`, node);
    }
    const recipient = reader.optional(node, OCE.fixedShareTo.value);
    const fixedShareTo = recipient === null ? null : reader.iri(node, OCE.fixedShareTo.value, recipient);
    const rules = reader.all(node, OCE.rule.value)
      .map((value) => readBucketRule(reader, reader.nodeKey(node, OCE.rule.value, value)))
      .sort(compareRules);
    if ((fixedShareTo === null) === (rules.length === 0)) {
      throw new ValueEquationError(`Bucket [${node}] must have either oce:fixedShareTo or at least one oce:rule, ` +
        `found ${fixedShareTo === null ? 'neither' : 'both'}`, node);
    }
    const bucket: Bucket = {
      id: node,
      label: reader.text(node, RDFS.label.value),
      order,
      size: this.readSize(node),
      fixedShareTo,
      rules,
      claimKind: readClaimKind(reader, node),
      cap: readCap(reader, node, readVariables(reader, node)),
    };
    checkCaps(bucket);
    return bucket;
  }

  private readSize(node: string): BucketSize {
    const ofTotal = this.reader.percent(node, OCE.percentOfTotal.value);
    const ofRemainder = this.reader.percent(node, OCE.percentOfRemainder.value);
    const amount = this.reader.decimal(node, OCE.fixedAmount.value);
    const stated = [ofTotal, ofRemainder, amount].filter((value) => value !== null).length;
    if (stated !== 1) {
      throw new ValueEquationError(`Bucket [${node}] must state exactly one of oce:percentOfTotal, ` +
        `oce:percentOfRemainder and oce:fixedAmount, found ${stated}`, node);
    }
    if (ofTotal !== null) {
      return { kind: 'percentOfTotal', percent: ofTotal };
    }
    if (ofRemainder !== null) {
      return { kind: 'percentOfRemainder', percent: ofRemainder };
    }
    const fixed = amount as Decimal;
    if (fixed.isNegative()) {
      throw new ValueEquationError(`oce:fixedAmount of [${node}] must not be negative, got [${fixed.toString()}]`, node);
    }
    return { kind: 'fixedAmount', amount: fixed };
  }
}

/** Rules with an `oce:order` come first, in that order; the others follow by IRI. */
function compareRules(a: BucketRule, b: BucketRule): number {
  const orderA = a.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.order ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) {
    return orderA < orderB ? -1 : 1;
  }
  return a.id < b.id ? -1 : Number(a.id > b.id);
}

function checkUniqueOrders(equation: string, buckets: Bucket[]): void {
  for (let index = 1; index < buckets.length; index++) {
    const [previous, current] = [buckets[index - 1] as Bucket, buckets[index] as Bucket];
    if (previous.order === current.order) {
      throw new ValueEquationError(`Buckets [${previous.id}] and [${current.id}] of equation [${equation}] have the ` +
        `same oce:order [${current.order}]; each bucket needs its own`, equation);
    }
  }
}

/** Checks that every debt-like claim has a cap, on its rule or its bucket, because it is paid until that cap. */
function checkCaps(bucket: Bucket): void {
  if (bucket.rules.length === 0 && bucket.claimKind === 'debtLike' && bucket.cap === null) {
    throw new ValueEquationError(`Bucket [${bucket.id}] is debt-like but has no oce:cap`, bucket.id);
  }
  for (const rule of bucket.rules) {
    if ((rule.claimKind ?? bucket.claimKind) === 'debtLike' && rule.cap === null && bucket.cap === null) {
      throw new ValueEquationError(`Rule [${rule.id}] is debt-like but neither it nor bucket [${bucket.id}] has ` +
        'an oce:cap', rule.id);
    }
  }
}
