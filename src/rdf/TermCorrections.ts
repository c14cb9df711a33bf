import { FOAF, LEGACY_VF_NAMESPACES, OM2, ORG, RDF, RDFS, SKOS, VF, XSD, DCTERMS } from '../vocab/index.js';
import { isActionId } from '../model/index.js';
import type { ActionId } from '../model/index.js';

/**
 * Prefixes that upstream examples use without declaring them (`om2:hasUnit`, `skos:note`).
 * JSON-LD then reads `om2:hasUnit` as an absolute IRI with the scheme `om2`; no such scheme
 * exists, so the intent is the well-known namespace.
 */
export const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  vf: VF.namespace,
  om2: OM2.namespace,
  skos: SKOS.namespace,
  rdf: RDF.namespace,
  rdfs: RDFS.namespace,
  xsd: XSD.namespace,
  foaf: FOAF.namespace,
  org: ORG.namespace,
  dcterms: DCTERMS.namespace,
  time: 'http://www.w3.org/2006/time#',
  geo: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
};

/** Returns the legacy ValueFlows namespace an IRI starts with, if any. */
export function legacyNamespaceOf(iri: string): string | undefined {
  return LEGACY_VF_NAMESPACES.find((namespace) => iri.startsWith(namespace));
}

/** Returns the prefix of an IRI written with an undeclared well-known prefix (`om2:one` gives `om2`). */
export function undeclaredPrefixOf(iri: string): string | undefined {
  const prefix = /^([a-z][a-z0-9]*):(?!\/\/)/u.exec(iri)?.[1];
  return prefix !== undefined && WELL_KNOWN_PREFIXES[prefix] !== undefined ? prefix : undefined;
}

/**
 * Misspelt or renamed VF terms found in upstream examples whose intent is unambiguous but
 * which no case-insensitive match finds.
 */
const EXPLICIT_CORRECTIONS: Readonly<Record<string, string>> = {
  resourceConforms: 'resourceConformsTo',
  // Renamed in August 2022; both name the action's effect on the accounting quantity.
  resourceEffect: 'accountingEffect',
};

const VF_TERMS_BY_LOWER_CASE = groupByLowerCase(VF.localNames);

/**
 * Returns the VF 1.0 local name a misspelt one stands for: an entry of the explicit table, or
 * the single VF term that equals it ignoring case (`resourceconformsTo`, `DefaultUnitOfResource`).
 * Returns undefined when the name is a VF term already, or when no single term matches.
 */
export function correctedLocalName(localName: string): string | undefined {
  if (VF.localNameOf(`${VF.namespace}${localName}`) !== undefined) {
    return undefined;
  }
  const explicit = EXPLICIT_CORRECTIONS[localName];
  if (explicit !== undefined) {
    return explicit;
  }
  const matches = VF_TERMS_BY_LOWER_CASE.get(localName.toLowerCase()) ?? [];
  return matches.length === 1 ? matches[0] : undefined;
}

/** Actions of older VF versions that have one VF 1.0 equivalent (renamed in February 2020). */
const RENAMED_ACTIONS: Readonly<Record<string, ActionId>> = {
  'transfer-complete': 'transfer',
};

/** How a legacy action name was turned into a VF 1.0 action. */
export type ActionCorrection = { kind: 'kebab-case' | 'renamed'; action: ActionId };

/**
 * Returns the VF 1.0 action for a kebab-case or renamed legacy action name
 * (`transfer-all-rights` gives `transferAllRights`). Legacy actions without a single equivalent,
 * such as `pass` and `fail` (now `modify` with a `state`), return undefined.
 */
export function correctedAction(name: string): ActionCorrection | undefined {
  const renamed = RENAMED_ACTIONS[name];
  if (renamed !== undefined) {
    return { kind: 'renamed', action: renamed };
  }
  if (!name.includes('-')) {
    return undefined;
  }
  const camelCase = name.replace(/-([a-z])/gu, (_match, letter: string) => letter.toUpperCase());
  return isActionId(camelCase) ? { kind: 'kebab-case', action: camelCase } : undefined;
}

function groupByLowerCase(names: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const key = name.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return groups;
}
