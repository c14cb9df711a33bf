import type { Quad, Quad_Object } from 'n3';
import { QuadIndex, termKey } from '../../rdf/index.js';
import { namedNode, triple } from '../../solid/index.js';
import { OCE_DISTRIBUTION } from '../DistributionVocabulary.js';
import { OCE_RUN } from './RunVocabulary.js';

/** A copy of an equation under new IRIs, and the IRI each original node got. */
export interface EquationSnapshot {
  /** IRI of the copied equation node. */
  equation: string;
  quads: Quad[];
  /** Key of each original node (IRI, or `_:label`) to the IRI of its copy. */
  nodes: Map<string, string>;
}

/**
 * Copies an equation, its buckets and their rules under IRIs of the run document
 * (`<document>#equation`, `#equation-node-1`, …) and links the copy to the original with
 * `oce:snapshotOf`. The copy gets new IRIs because the run document is crawled together with the
 * equation's own document: blank nodes copied as they are would add buckets to the original.
 */
export function equationSnapshot(quads: readonly Quad[], equation: string, document: string): EquationSnapshot {
  const index = new QuadIndex(quads);
  const nodes = new Map<string, string>([[equation, `${document}#equation`]]);
  const pending = [equation];
  for (let node = pending.shift(); node !== undefined; node = pending.shift()) {
    for (const link of [OCE_DISTRIBUTION.bucket.value, OCE_DISTRIBUTION.rule.value]) {
      for (const child of index.objects(node, link).filter((value) => value.termType !== 'Literal')) {
        const key = termKey(child);
        if (!nodes.has(key)) {
          nodes.set(key, `${document}#equation-node-${nodes.size}`);
          pending.push(key);
        }
      }
    }
  }
  const copy: Quad[] = [triple(namedNode(nodes.get(equation)!), OCE_RUN.snapshotOf, namedNode(equation))];
  for (const [original, iri] of nodes) {
    for (const predicate of index.predicates(original)) {
      for (const object of index.objects(original, predicate)) {
        const mapped = object.termType === 'Literal' ? undefined : nodes.get(termKey(object));
        const value: Quad_Object = mapped === undefined ? object : namedNode(mapped);
        copy.push(triple(namedNode(iri), namedNode(predicate), value));
      }
    }
  }
  return { equation: nodes.get(equation)!, quads: copy, nodes };
}
