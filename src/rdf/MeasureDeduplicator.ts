import type { Quad, Term } from 'n3';
import { formatDecimal, parseDecimal } from '../model/Decimal.js';
import { VF } from '../vocab/index.js';

/** Properties whose value is a `vf:Measure`. */
const MEASURE_PROPERTIES = new Set<string>([
  VF.resourceQuantity, VF.effortQuantity, VF.accountingQuantity, VF.onhandQuantity,
  VF.availableQuantity, VF.minimumQuantity, VF.hasDuration,
].map((property) => property.value));

/**
 * Removes blank-node measures that repeat an identical measure of the same subject and
 * property: same numerical value (compared as decimals) and same unit. Upstream examples state
 * one event twice, each time with its own blank node, which would otherwise read as two
 * quantities. Measures that differ, or that are named nodes, are kept. Returns the remaining
 * quads in their order and the number of measures removed.
 */
export function dropRepeatedMeasures(quads: Quad[]): { quads: Quad[]; dropped: number } {
  const bySubject = new Map<string, Quad[]>();
  const references = new Map<string, number>();
  for (const quad of quads) {
    const key = termKey(quad.subject);
    const statements = bySubject.get(key);
    if (statements === undefined) {
      bySubject.set(key, [quad]);
    } else {
      statements.push(quad);
    }
    if (quad.object.termType === 'BlankNode') {
      references.set(quad.object.value, (references.get(quad.object.value) ?? 0) + 1);
    }
  }

  const droppedNodes = new Set<string>();
  const droppedLinks = new Set<Quad>();
  const firstMeasure = new Map<string, string>();
  for (const quad of quads) {
    if (!MEASURE_PROPERTIES.has(quad.predicate.value) || quad.object.termType !== 'BlankNode'
      || references.get(quad.object.value) !== 1) {
      continue;
    }
    const signature = measureSignature(bySubject.get(termKey(quad.object)) ?? []);
    if (signature === undefined) {
      continue;
    }
    const slot = `${termKey(quad.subject)} ${quad.predicate.value} ${signature}`;
    if (firstMeasure.has(slot)) {
      droppedNodes.add(quad.object.value);
      droppedLinks.add(quad);
    } else {
      firstMeasure.set(slot, quad.object.value);
    }
  }
  const kept = quads.filter((quad) => !droppedLinks.has(quad)
    && !(quad.subject.termType === 'BlankNode' && droppedNodes.has(quad.subject.value)));
  return { quads: kept, dropped: droppedNodes.size };
}

/** Returns `value unit` of a measure with exactly one numeric value and one unit, else undefined. */
function measureSignature(statements: Quad[]): string | undefined {
  const values = statements.filter((quad) => quad.predicate.equals(VF.hasNumericalValue));
  const units = statements.filter((quad) => quad.predicate.equals(VF.hasUnit));
  const nested = statements.some((quad) => quad.object.termType === 'BlankNode');
  if (values.length !== 1 || units.length !== 1 || nested) {
    return undefined;
  }
  try {
    return `${formatDecimal(parseDecimal(values[0]!.object.value))} ${units[0]!.object.value}`;
  } catch {
    return undefined;
  }
}

function termKey(term: Term): string {
  return `${term.termType}:${term.value}`;
}
