import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Parser } from 'n3';
import type { Quad, Term } from 'n3';

/** Parses Turtle with a base IRI, for writing expected graphs in tests. */
export function turtle(text: string, baseIRI: string): Quad[] {
  return new Parser({ baseIRI }).parse(text);
}

/**
 * Asserts that two graphs are isomorphic: equal after renaming blank nodes. Blank nodes get labels
 * from the hashes of their surroundings, refined for four rounds. Ties are broken by trying each
 * permutation, which only suits test-sized graphs. Graph names are ignored.
 */
export function assertIsomorphic(actual: Quad[], expected: Quad[]): void {
  const actualLines = canonicalCandidates(actual);
  const expectedLines = canonicalCandidates(expected)[0] ?? [];
  const match = actualLines.find((lines) => lines.join('\n') === expectedLines.join('\n'));
  assert.deepEqual(match ?? actualLines[0], expectedLines);
}

function canonicalCandidates(quads: Quad[]): string[][] {
  const labels = blankLabels(quads);
  const groups = new Map<string, string[]>();
  for (const [node, label] of labels) {
    groups.set(label, [...(groups.get(label) ?? []), node]);
  }
  let assignments: Map<string, string>[] = [new Map<string, string>()];
  for (const [label, nodes] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const orders = nodes.length === 1 ? [nodes] : permutations(nodes);
    assignments = assignments.flatMap((base) => orders.map((order) => {
      const next = new Map(base);
      order.forEach((node, index) => next.set(node, `_:${label.slice(0, 12)}${index}`));
      return next;
    }));
  }
  return assignments.map((names) => quads.map((quad) =>
    [quad.subject, quad.predicate, quad.object].map((term) => termText(term, names)).join(' ')).sort());
}

function blankLabels(quads: Quad[]): Map<string, string> {
  let labels = new Map<string, string>();
  for (const quad of quads) {
    for (const term of [quad.subject, quad.object]) {
      if (term.termType === 'BlankNode') {
        labels.set(term.value, 'b');
      }
    }
  }
  for (let round = 0; round < 4; round += 1) {
    const next = new Map<string, string>();
    for (const node of labels.keys()) {
      const around = quads.filter((quad) => quad.subject.value === node || quad.object.value === node)
        .map((quad) => [quad.subject.value === node && quad.subject.termType === 'BlankNode' ? 'S' : termText(quad.subject, labels),
          quad.predicate.value,
          quad.object.value === node && quad.object.termType === 'BlankNode' ? 'O' : termText(quad.object, labels)].join(' '))
        .sort();
      next.set(node, createHash('sha256').update(around.join('\n')).digest('hex'));
    }
    labels = next;
  }
  return labels;
}

function termText(term: Term, names: Map<string, string>): string {
  if (term.termType === 'BlankNode') {
    return names.get(term.value) ?? '_:?';
  }
  if (term.termType === 'Literal') {
    return `${JSON.stringify(term.value)}^^${term.datatype.value}@${term.language}`;
  }
  return `<${term.value}>`;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) {
    return [items];
  }
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}
