import assert from 'node:assert/strict';
import { DataFactory, Writer } from 'n3';
import type { Quad, Term } from 'n3';

/**
 * Asserts that two lists of quads are the same RDF dataset up to blank node labels: there is a
 * one-to-one mapping of blank nodes that turns one set of quads into the other. The search
 * tries candidates with the same number of occurrences, which is enough for test fixtures.
 */
export function assertIsomorphic(actual: readonly Quad[], expected: readonly Quad[]): void {
  const actualSet = uniqueQuads(actual);
  const expectedSet = uniqueQuads(expected);
  const mapping = findMapping(actualSet, expectedSet);
  if (mapping === undefined) {
    assert.fail(`The datasets are not isomorphic.\nActual:\n${toNQuads(actualSet)}\nExpected:\n${toNQuads(expectedSet)}`);
  }
}

function findMapping(actual: Quad[], expected: Quad[]): Map<string, string> | undefined {
  if (actual.length !== expected.length) {
    return undefined;
  }
  const actualBlanks = blankNodeDegrees(actual);
  const expectedBlanks = blankNodeDegrees(expected);
  if (actualBlanks.size !== expectedBlanks.size) {
    return undefined;
  }
  const expectedKeys = new Set(expected.map((quad) => quadKey(quad, new Map())));
  const order = [...actualBlanks.keys()];
  const mapping = new Map<string, string>();
  const used = new Set<string>();

  const search = (position: number): boolean => {
    if (position === order.length) {
      return actual.every((quad) => expectedKeys.has(quadKey(quad, mapping)));
    }
    const label = order[position] as string;
    for (const [candidate, degree] of expectedBlanks) {
      if (used.has(candidate) || degree !== actualBlanks.get(label)) {
        continue;
      }
      mapping.set(label, candidate);
      used.add(candidate);
      if (search(position + 1)) {
        return true;
      }
      mapping.delete(label);
      used.delete(candidate);
    }
    return false;
  };
  return search(0) ? mapping : undefined;
}

function blankNodeDegrees(quads: Quad[]): Map<string, number> {
  const degrees = new Map<string, number>();
  for (const quad of quads) {
    for (const term of [quad.subject, quad.object, quad.graph]) {
      if (term.termType === 'BlankNode') {
        degrees.set(term.value, (degrees.get(term.value) ?? 0) + 1);
      }
    }
  }
  return degrees;
}

function quadKey(quad: Quad, mapping: Map<string, string>): string {
  return [quad.subject, quad.predicate, quad.object, quad.graph].map((term) => termKey(term, mapping)).join(' ');
}

function termKey(term: Term, mapping: Map<string, string>): string {
  if (term.termType === 'BlankNode') {
    return `_:${mapping.get(term.value) ?? term.value}`;
  }
  if (term.termType === 'Literal') {
    return `"${term.value}"@${term.language}^^${term.datatype.value}`;
  }
  return `<${term.value}>`;
}

function uniqueQuads(quads: readonly Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  for (const quad of quads) {
    seen.set(quadKey(quad, new Map()), quad);
  }
  return [...seen.values()];
}

function toNQuads(quads: Quad[]): string {
  return new Writer({ format: 'N-Quads' }).quadsToString(quads.map((quad) => DataFactory.quad(quad.subject, quad.predicate, quad.object, quad.graph)));
}
