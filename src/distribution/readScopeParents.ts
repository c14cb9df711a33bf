import type { Quad } from 'n3';
import { ORG } from '../vocab/index.js';

/**
 * Reads the parent scopes of each scope from `org:subOrganizationOf` and `org:hasSubOrganization`
 * statements, so that a
 * bucket rule selecting a network also selects the projects and sub-networks inside it.
 */
export function readScopeParents(quads: readonly Quad[]): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  for (const quad of quads) {
    if (quad.object.termType !== 'NamedNode') {
      continue;
    }
    if (quad.predicate.value === ORG.subOrganizationOf.value) {
      addParent(parents, quad.subject.value, quad.object.value);
    } else if (quad.predicate.value === ORG.hasSubOrganization.value) {
      addParent(parents, quad.object.value, quad.subject.value);
    }
  }
  return parents;
}

function addParent(parents: Map<string, string[]>, child: string, parent: string): void {
  const list = parents.get(child) ?? [];
  if (!list.includes(parent)) {
    list.push(parent);
  }
  parents.set(child, list);
}
