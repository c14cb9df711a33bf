import { Decimal } from '../model/index.js';
import { allocateLargestRemainder } from './allocateLargestRemainder.js';
import type { Credit } from './BackflowTracer.js';
import { contributionValues } from './contributionValues.js';
import { divideDecimal } from './divideDecimal.js';
import type { DistributionLine } from './DistributionResult.js';
import type { MinorUnits } from './MinorUnits.js';
import type { Bucket, ClaimKind } from './ValueEquation.js';

/** Inputs of a {@link BucketAllocator} besides the bucket. */
export interface AllocationContext {
  units: MinorUnits;
  currency: string | null;
  /** Returns what earlier runs paid on a claim to an agent, in the currency. */
  priorPayout: (claim: string, agent: string) => Decimal;
  note: (text: string) => void;
}

/** A line before payment, with the amounts in minor units. */
interface PendingLine {
  line: DistributionLine;
  credits: Credit[];
  /** Most the claim may still receive in this run, in minor units, or null when unlimited. */
  room: Decimal | null;
}

/**
 * Pays one bucket's target to its lines. Lines are one per agent and rule (or the fixed
 * recipient), and share the target in proportion to their value by the largest remainder
 * method, ties to the lower agent IRI and then rule IRI. A one-off claim paid in an earlier
 * run, or a debt-like claim that reached its cap, takes no part. A debt-like claim is then
 * paid at most what its cap leaves, and what it cannot take is not given to the other lines.
 */
export class BucketAllocator {
  public constructor(private readonly bucket: Bucket, private readonly context: AllocationContext) {}

  /** Returns the bucket's lines with their payouts, sorted by agent and rule. */
  public allocate(target: Decimal, credits: Credit[]): DistributionLine[] {
    const recipient = this.bucket.fixedShareTo;
    const pending = recipient === null ? this.ruleLines(credits) : [this.fixedLine(recipient)];
    pending.sort((a, b) => compare(a.line.agent, b.line.agent) || compare(a.line.rule ?? '', b.line.rule ?? ''));
    const eligible = pending.filter((entry) => entry.room === null || entry.room.greaterThan(0));
    // A fixed share has no contributions to value, so its one line weighs 1 and takes the bucket.
    const weights = eligible.map((entry) => (entry.line.rule === null ? new Decimal(1) : entry.line.value));
    const total = weights.reduce((sum, weight) => sum.plus(weight), new Decimal(0));
    if (total.isZero()) {
      this.context.note(`Bucket [${this.bucket.id}] selected no contribution with a value above 0, so it paid nothing.`);
    }
    const parts = allocateLargestRemainder(this.context.units.toUnits(target), weights);
    eligible.forEach((entry, index) => {
      const weight = weights[index] as Decimal;
      entry.line.share = total.isZero() ? new Decimal(0) : divideDecimal(weight, total).toDecimalPlaces(6);
      this.pay(entry, parts[index] as Decimal);
    });
    return pending.map((entry) => entry.line);
  }

  private pay(entry: PendingLine, allocated: Decimal): void {
    const { units } = this.context;
    if (entry.room !== null && allocated.greaterThan(entry.room)) {
      entry.line.limit = `capped at the [${units.fromUnits(entry.room).toFixed(units.scale)}] its cap still allows`;
      entry.line.payout = units.fromUnits(entry.room);
      return;
    }
    entry.line.payout = units.fromUnits(allocated);
  }

  private fixedLine(agent: string): PendingLine {
    const kind = this.bucket.claimKind ?? 'equityLike';
    const line = emptyLine(agent, null, this.bucket.id, kind);
    const cap = kind === 'debtLike' && this.bucket.cap !== null
      ? this.bucket.cap.evaluate(new Map(), this.bucket.id)
      : null;
    return { line, credits: [], room: this.room(line, cap) };
  }

  private ruleLines(credits: Credit[]): PendingLine[] {
    const lines = new Map<string, PendingLine>();
    for (const credit of credits) {
      const key = JSON.stringify([credit.agent, credit.rule.id]);
      const kind = credit.rule.claimKind ?? this.bucket.claimKind ?? 'equityLike';
      const entry = lines.get(key) ??
        { line: emptyLine(credit.agent, credit.rule.id, credit.rule.id, kind), credits: [], room: null };
      entry.line.ruleLabel = credit.rule.label;
      lines.set(key, entry);
      entry.credits.push(credit);
      entry.line.value = entry.line.value.plus(credit.value);
      entry.line.passedBack = entry.line.passedBack.plus(credit.passedBack);
      if (!entry.line.events.includes(credit.contribution.event)) {
        entry.line.events.push(credit.contribution.event);
        entry.line.hours = entry.line.hours.plus(credit.contribution.hours);
      }
    }
    for (const entry of lines.values()) {
      entry.room = this.room(entry.line, entry.line.claimKind === 'debtLike' ? this.capOf(entry.credits) : null);
    }
    return [...lines.values()];
  }

  /** Sums the cap formula over the distinct contributions of a line. */
  private capOf(credits: Credit[]): Decimal {
    const seen = new Set<string>();
    let cap = new Decimal(0);
    for (const { rule, contribution } of credits) {
      if (!seen.has(contribution.event)) {
        seen.add(contribution.event);
        const formula = rule.cap ?? this.bucket.cap;
        cap = cap.plus(formula?.evaluate(contributionValues(contribution, this.context.currency).values,
          contribution.event) ?? 0);
      }
    }
    return cap;
  }

  /** Returns the minor units a claim may still receive, null when unlimited, and states why it is limited. */
  private room(line: DistributionLine, cap: Decimal | null): Decimal | null {
    const prior = this.context.priorPayout(line.claim, line.agent);
    if (line.claimKind === 'oneOff') {
      if (prior.greaterThan(0)) {
        line.limit = `one-off claim already paid [${prior.toString()}] in an earlier run`;
        return new Decimal(0);
      }
      return null;
    }
    if (cap === null) {
      return null;
    }
    const room = this.context.units.toUnits(cap.minus(prior), 'floor');
    if (!room.greaterThan(0)) {
      line.limit = `debt-like claim reached its cap [${cap.toString()}] with [${prior.toString()}] paid before`;
      return new Decimal(0);
    }
    return room;
  }
}

function emptyLine(agent: string, rule: string | null, claim: string, claimKind: ClaimKind): DistributionLine {
  const zero = new Decimal(0);
  return {
    agent, rule, ruleLabel: null, claim, claimKind, events: [], hours: zero, value: zero, passedBack: zero,
    share: zero, payout: zero, limit: null,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : Number(a > b);
}
