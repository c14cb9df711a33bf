import type * as RDF from '@rdfjs/types';

/**
 * Splits triples into batches of about `batchSize` triples each, keeping every triple that shares a
 * blank node, directly or through other triples, in one batch. Blank node labels are scoped to one
 * request body, so a blank node split across two requests would become two different nodes. A
 * group of connected triples larger than `batchSize` forms one larger batch.
 */
export function partitionTriples(triples: readonly RDF.Quad[], batchSize: number): RDF.Quad[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`Invalid batch size [${batchSize}]. Expected a positive integer.`);
  }
  const batches: RDF.Quad[][] = [];
  let current: RDF.Quad[] = [];
  for (const group of groupByBlankNodes(triples)) {
    if (current.length > 0 && current.length + group.length > batchSize) {
      batches.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) {
    batches.push(current);
  }
  return batches;
}

/** Groups triples into the connected components of their blank nodes, in order of appearance. */
function groupByBlankNodes(triples: readonly RDF.Quad[]): RDF.Quad[][] {
  const parent = new Map<string, string>();
  const find = (label: string): string => {
    let root = label;
    while (parent.get(root) !== root) {
      root = parent.get(root) ?? root;
    }
    parent.set(label, root);
    return root;
  };
  const blankLabels = (triple: RDF.Quad): string[] =>
    [triple.subject, triple.object].filter((term) => term.termType === 'BlankNode').map((term) => term.value);

  for (const triple of triples) {
    const labels = blankLabels(triple);
    for (const label of labels) {
      if (!parent.has(label)) {
        parent.set(label, label);
      }
    }
    if (labels.length === 2) {
      parent.set(find(labels[0] as string), find(labels[1] as string));
    }
  }

  const groups = new Map<string, RDF.Quad[]>();
  const singles: RDF.Quad[][] = [];
  for (const triple of triples) {
    const label = blankLabels(triple)[0];
    if (label === undefined) {
      singles.push([triple]);
      continue;
    }
    const root = find(label);
    const group = groups.get(root) ?? [];
    group.push(triple);
    groups.set(root, group);
  }
  return [...groups.values(), ...singles];
}
