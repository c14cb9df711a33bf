import { DataFactory } from 'n3';
import type { Literal, NamedNode, Quad, Quad_Graph, Quad_Object, Quad_Predicate, Quad_Subject, Term } from 'n3';
import { compactIri, OM2, RDF, VF, VF_REFERENCE_PROPERTIES, XSD } from '../vocab/index.js';
import type { Problem } from '../model/index.js';
import { dropRepeatedMeasures } from './MeasureDeduplicator.js';
import { NormalizationTally } from './NormalizationTally.js';
import { repairTimeLiteral, VF_DATE_TIME_PROPERTIES } from './TimeLiteralRepair.js';
import {
  correctedAction, correctedLocalName, legacyNamespaceOf, undeclaredPrefixOf, WELL_KNOWN_PREFIXES,
} from './TermCorrections.js';
import { UnitWords } from './UnitWords.js';

/** What the normalizer needs to know about one parsed document. */
export interface NormalizationInput {
  quads: Quad[];
  source: string;
  /** Prefixes the document declares, used to read `mfg:p1` written as a string value. */
  prefixes: Record<string, string>;
}

const REFERENCE_PROPERTIES = new Set<string>(VF_REFERENCE_PROPERTIES.map((property) => property.value));
/** Properties whose value is a unit, which upstream examples write as a bare word. */
const UNIT_PROPERTIES = new Set<string>(
  [VF.hasUnit, VF.unitOfEffort, VF.defaultUnitOfResource, VF.defaultUnitOfEffort].map((property) => property.value),
);
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S*$/iu;

/**
 * Rewrites the ValueFlows dialects found in pods and upstream examples to VF 1.0: legacy
 * namespaces, undeclared well-known prefixes, misspelt terms, kebab-case and string actions,
 * OM 2 measure properties, bare unit words, string values of reference properties, date-times
 * with one-digit hours, and blank-node measures that repeat an identical one.
 * Each kind of rewrite is reported once per document as a warning with a count.
 */
export class VocabularyNormalizer {
  public constructor(private readonly units: UnitWords = UnitWords.load()) {}

  /** Returns the rewritten quads, in the input order, and one warning per kind of rewrite. */
  public normalize(input: NormalizationInput): { quads: Quad[]; problems: Problem[] } {
    const tally = new NormalizationTally();
    const mapped = input.quads.map((quad) => this.normalizeQuad(quad, input.prefixes, tally));
    const { quads, dropped } = dropRepeatedMeasures(mapped);
    for (let index = 0; index < dropped; index += 1) {
      tally.count('repeated-measure', (count) => `Dropped ${count} measures that repeat an identical measure `
        + 'of the same subject and property', '');
    }
    countUnknownTerms(quads, tally);
    return { quads, problems: tally.problems(input.source) };
  }

  private normalizeQuad(quad: Quad, prefixes: Record<string, string>, tally: NormalizationTally): Quad {
    const subject = normalizeTerm(quad.subject, tally) as Quad_Subject;
    let predicate = normalizeTerm(quad.predicate, tally) as Quad_Predicate;
    let object = normalizeTerm(quad.object, tally) as Quad_Object;
    const graph = normalizeTerm(quad.graph, tally) as Quad_Graph;

    if (predicate.equals(OM2.hasNumericalValue) || predicate.equals(OM2.hasUnit)) {
      const summary = (count: number): string => `Read ${count} OM 2 measure properties as their ValueFlows sub-properties`;
      const vfProperty = predicate.equals(OM2.hasUnit) ? VF.hasUnit : VF.hasNumericalValue;
      tally.count('om2-property', summary, `[om2:${localPart(predicate.value)}] to [vf:${localPart(vfProperty.value)}]`);
      predicate = vfProperty;
    }
    if (predicate.equals(VF.action)) {
      object = normalizeAction(object, tally);
    } else if (UNIT_PROPERTIES.has(predicate.value) && object.termType === 'Literal') {
      object = this.normalizeUnit(object, tally);
    } else if (REFERENCE_PROPERTIES.has(predicate.value) && object.termType === 'Literal') {
      object = referenceFromLiteral(object, predicate, prefixes, tally);
    } else if (VF_DATE_TIME_PROPERTIES.has(predicate.value) && object.termType === 'Literal') {
      const repaired = repairTimeLiteral(object);
      if (repaired !== undefined) {
        tally.count('time-repair', (count) => `Repaired ${count} date-times written with a one-digit hour`,
          `[${object.value}] to [${repaired.value}]`);
        object = repaired;
      }
    }
    return DataFactory.quad(subject, predicate, object, graph);
  }

  /** Reads a unit written as a string: a prefixed name, an absolute IRI or a bare unit word. */
  private normalizeUnit(literal: Literal, tally: NormalizationTally): Quad_Object {
    const text = literal.value.trim();
    const prefixed = expandUndeclaredPrefix(text);
    const iri = prefixed ?? (ABSOLUTE_IRI.test(text) ? text : this.units.iriFor(text));
    if (iri === undefined) {
      return literal;
    }
    const summary = (count: number): string => `Read ${count} units written as strings as unit IRIs`;
    tally.count('unit-string', summary, `[${literal.value}] to [${compactIri(iri)}]`);
    return DataFactory.namedNode(iri);
  }
}

/** Rewrites an IRI from a legacy namespace, an undeclared prefix or a misspelling. */
function normalizeTerm(term: Term, tally: NormalizationTally): Term {
  if (term.termType !== 'NamedNode') {
    return term;
  }
  let iri = term.value;
  const legacy = legacyNamespaceOf(iri);
  if (legacy !== undefined) {
    iri = `${VF.namespace}${iri.slice(legacy.length)}`;
    const summary = (count: number): string =>
      `Normalized ${count} terms from the legacy namespace [${legacy}] to [${VF.namespace}]`;
    tally.count(`legacy:${legacy}`, summary, '');
  }
  const expanded = expandUndeclaredPrefix(iri);
  if (expanded !== undefined) {
    const prefix = undeclaredPrefixOf(iri) ?? '';
    const summary = (count: number): string =>
      `Expanded ${count} terms written with the undeclared prefix [${prefix}:] to [${WELL_KNOWN_PREFIXES[prefix]}]`;
    tally.count(`prefix:${prefix}`, summary, '');
    iri = expanded;
  }
  iri = correctMisspelling(iri, tally);
  return iri === term.value ? term : DataFactory.namedNode(iri);
}

function correctMisspelling(iri: string, tally: NormalizationTally): string {
  if (!iri.startsWith(VF.namespace)) {
    return iri;
  }
  const localName = iri.slice(VF.namespace.length);
  const corrected = correctedLocalName(localName);
  if (corrected === undefined) {
    return iri;
  }
  const summary = (count: number): string => `Corrected ${count} misspelt ValueFlows terms`;
  tally.count('misspelling', summary, `[vf:${localName}] to [vf:${corrected}]`);
  return `${VF.namespace}${corrected}`;
}

function expandUndeclaredPrefix(iri: string): string | undefined {
  const prefix = undeclaredPrefixOf(iri);
  return prefix === undefined ? undefined : `${WELL_KNOWN_PREFIXES[prefix]}${iri.slice(prefix.length + 1)}`;
}

/** Turns an action written as a string into an IRI, and a legacy action name into its VF 1.0 name. */
function normalizeAction(object: Quad_Object, tally: NormalizationTally): Quad_Object {
  let action: Quad_Object = object;
  if (object.termType === 'Literal') {
    const text = object.value.trim();
    const iri = expandUndeclaredPrefix(text) ?? (ABSOLUTE_IRI.test(text) ? text : `${VF.namespace}${text}`);
    action = normalizeTerm(DataFactory.namedNode(iri), tally) as NamedNode;
    const summary = (count: number): string => `Read ${count} actions written as strings as action IRIs`;
    tally.count('action-string', summary, `[${object.value}]`);
  }
  if (action.termType !== 'NamedNode' || !action.value.startsWith(VF.namespace)) {
    return action;
  }
  const name = action.value.slice(VF.namespace.length);
  const correction = correctedAction(name);
  if (correction === undefined) {
    return action;
  }
  const summary = correction.kind === 'renamed'
    ? (count: number): string => `Renamed ${count} actions of older ValueFlows versions to their VF 1.0 action`
    : (count: number): string => `Renamed ${count} kebab-case action names to VF 1.0 camelCase`;
  tally.count(`action-${correction.kind}`, summary, `[${name}] to [${correction.action}]`);
  return VF[correction.action];
}

/** Reads a string value of a reference property (`provider: "mfg:p1"`) as the IRI it names. */
function referenceFromLiteral(
  literal: Literal,
  predicate: Quad_Predicate,
  prefixes: Record<string, string>,
  tally: NormalizationTally,
): Quad_Object {
  if (!literal.datatype.equals(XSD.string)) {
    return literal;
  }
  const text = literal.value.trim();
  const prefix = /^([^:/?#]+):/u.exec(text)?.[1];
  const declared = prefix === undefined ? undefined : prefixes[prefix];
  const iri = declared === undefined ? text : `${declared}${text.slice((prefix ?? '').length + 1)}`;
  if (!ABSOLUTE_IRI.test(iri)) {
    return literal;
  }
  const summary = (count: number): string => `Read ${count} string values of reference properties as IRIs`;
  tally.count('reference-string', summary, `[vf:${localPart(predicate.value)}]`);
  return DataFactory.namedNode(expandUndeclaredPrefix(iri) ?? iri);
}

/** Counts properties and classes in the VF namespace that VF 1.0 does not define. */
function countUnknownTerms(quads: Quad[], tally: NormalizationTally): void {
  const summary = (count: number): string =>
    `Found ${count} uses of terms that ValueFlows 1.0 does not define; they are kept but not read`;
  for (const quad of quads) {
    const candidates = quad.predicate.equals(RDF.type) ? [quad.object] : [quad.predicate];
    for (const term of candidates) {
      if (term.termType === 'NamedNode' && term.value.startsWith(VF.namespace) && VF.localNameOf(term.value) === undefined) {
        tally.count('unknown-term', summary, `[vf:${term.value.slice(VF.namespace.length)}]`);
      }
    }
  }
}

function localPart(iri: string): string {
  return iri.replace(/^.*[#/]/u, '');
}
