import { OM2, SH, VF } from './Vocabularies.js';

const PREFIXES: readonly [prefix: string, namespace: string][] = [
  ['vf', VF.namespace],
  ['om2', OM2.namespace],
  ['sh', SH.namespace],
];

/**
 * Writes an IRI of the VF, OM 2 or SHACL namespace as a prefixed name (`vf:action`,
 * `om2:kilogram`) for messages, and any other IRI in full.
 */
export function compactIri(iri: string): string {
  for (const [prefix, namespace] of PREFIXES) {
    if (iri.startsWith(namespace)) {
      return `${prefix}:${iri.slice(namespace.length)}`;
    }
  }
  return iri;
}
