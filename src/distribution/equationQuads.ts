import type { Quad } from 'n3';
import { QuadIndex, termKey } from '../rdf/index.js';
import { RDF } from '../vocab/index.js';
import { OCE_DISTRIBUTION as OCE } from './DistributionVocabulary.js';

/**
 * Returns the statements about every `oce:ValueEquation` in `quads`, its buckets and their
 * rules, so that the SHACL shapes can check equations without checking the rest of the data.
 */
export function equationQuads(quads: readonly Quad[]): Quad[] {
  const index = new QuadIndex(quads);
  const pending = index.quadsWith(RDF.type.value)
    .filter((quad) => quad.object.value === OCE.ValueEquation.value)
    .map((quad) => termKey(quad.subject));
  const seen = new Set<string>();
  const links = [OCE.bucket.value, OCE.rule.value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (seen.has(node)) {
      continue;
    }
    seen.add(node);
    for (const link of links) {
      pending.push(...index.objects(node, link).filter((value) => value.termType !== 'Literal').map(termKey));
    }
  }
  return quads.filter((quad) => seen.has(termKey(quad.subject)));
}
