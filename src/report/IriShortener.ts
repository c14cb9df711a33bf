/** Prefixes used to shorten IRIs in human-readable output; JSON output always keeps full IRIs. */
const DISPLAY_PREFIXES: [string, string][] = [
  ['vf:', 'https://w3id.org/valueflows/ont/vf#'],
  ['om2:', 'http://www.ontology-of-units-of-measure.org/resource/om-2/'],
  ['wd:', 'http://www.wikidata.org/entity/'],
];

/**
 * Shortens an IRI for display: known vocabulary prefixes become CURIEs, and an IRI under
 * `base` (a pod or network root) is shown relative to it.
 */
export function shortenIri(iri: string | null, base?: string): string {
  if (iri === null) {
    return '-';
  }
  for (const [prefix, namespace] of DISPLAY_PREFIXES) {
    if (iri.startsWith(namespace)) {
      return prefix + iri.slice(namespace.length);
    }
  }
  if (base !== undefined && iri.startsWith(base)) {
    return iri.slice(base.length);
  }
  return iri;
}
