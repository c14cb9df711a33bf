import { DateTimeValue, Decimal, isActionId } from '../model/index.js';
import type { ActionId } from '../model/index.js';
import { RDFS, VF } from '../vocab/index.js';
import { CONTRIBUTION_VARIABLES } from './contributionValues.js';
import { OCE_DISTRIBUTION as OCE } from './DistributionVocabulary.js';
import { Formula } from './Formula.js';
import type { NodeReader } from './NodeReader.js';
import type { BucketRule, ClaimKind } from './ValueEquation.js';
import { ValueEquationError } from './ValueEquationError.js';

const CLAIM_KINDS: ReadonlyMap<string, ClaimKind> = new Map([
  [OCE.debtLike.value, 'debtLike'], [OCE.equityLike.value, 'equityLike'], [OCE.oneOff.value, 'oneOff'],
]);

/** Reads `oce:claimKind` of a bucket or rule: one of the three individuals, or null. */
export function readClaimKind(reader: NodeReader, node: string): ClaimKind | null {
  const value = reader.optional(node, OCE.claimKind.value);
  if (value === null) {
    return null;
  }
  const kind = CLAIM_KINDS.get(value.value);
  if (kind === undefined) {
    throw new ValueEquationError(`oce:claimKind of [${node}] must be oce:debtLike, oce:equityLike or oce:oneOff, ` +
      `got [${value.value}]`, node);
  }
  return kind;
}

/** Reads the declared `oce:variable` names of a node; an unknown name throws. */
export function readVariables(reader: NodeReader, node: string): string[] {
  const names = reader.all(node, OCE.variable.value).map((value) => value.value);
  for (const name of names) {
    if (!(CONTRIBUTION_VARIABLES as readonly string[]).includes(name)) {
      throw new ValueEquationError(`oce:variable of [${node}] must be one of [${CONTRIBUTION_VARIABLES.join(', ')}], ` +
        `got [${name}]`, node);
    }
  }
  return names;
}

/**
 * Returns how messages name a node: its IRI, or for a blank node its `rdfs:label`, because a
 * blank node label such as `_:n3-9` changes with every parse and means nothing to the writer.
 */
export function nodeName(reader: NodeReader, node: string): string {
  if (!node.startsWith('_:')) {
    return node;
  }
  const label = reader.text(node, RDFS.label.value);
  return label === null ? `${node}, a node without an IRI or rdfs:label` : `"${label}"`;
}

/** Reads the `oce:cap` formula of a node over `variables`, or null. */
export function readCap(reader: NodeReader, node: string, variables: string[]): Formula | null {
  const text = reader.text(node, OCE.cap.value);
  return text === null ? null : Formula.compile(text, variables, nodeName(reader, node));
}

/** Reads one `oce:BucketRule` node. */
export function readBucketRule(reader: NodeReader, node: string): BucketRule {
  const variables = readVariables(reader, node);
  const formula = Formula.compile(reader.text(node, OCE.formula.value) ?? missing(node, 'oce:formula'), variables,
    nodeName(reader, node));
  const iris = (property: string): string[] =>
    reader.all(node, property).map((value) => reader.iri(node, property, value));
  return {
    id: node,
    label: reader.text(node, RDFS.label.value),
    order: reader.integer(node, OCE.order.value),
    actions: readActions(node, iris(OCE.selectsAction.value)),
    resourceClassifications: iris(OCE.selectsResourceClassification.value),
    processClassifications: iris(OCE.selectsProcessClassification.value),
    scopes: iris(OCE.selectsScope.value),
    startDate: readDate(reader, node, OCE.startDate.value),
    endDate: readDate(reader, node, OCE.endDate.value),
    formula,
    passBackPercent: reader.percent(node, OCE.passBackPercent.value) ?? new Decimal(100),
    claimKind: readClaimKind(reader, node),
    cap: readCap(reader, node, variables),
  };
}

function readActions(node: string, iris: string[]): ActionId[] {
  return iris.map((iri) => {
    const name = iri.startsWith(VF.namespace) ? iri.slice(VF.namespace.length) : '';
    if (!isActionId(name)) {
      throw new ValueEquationError(`oce:selectsAction of [${node}] must be a ValueFlows action such as vf:work, ` +
        `got [${iri}]`, node);
    }
    return name;
  });
}

function readDate(reader: NodeReader, node: string, property: string): string | null {
  const text = reader.text(node, property);
  if (text !== null && DateTimeValue.parse(text)?.hasValidFields() !== true) {
    throw new ValueEquationError(`[${node}] has an invalid date [${text}]; expected an xsd:date or xsd:dateTime ` +
      'such as 2026-05-01 or 2026-05-01T12:00:00Z', node);
  }
  return text;
}

function missing(node: string, property: string): never {
  throw new ValueEquationError(`Bucket rule [${node}] has no ${property}, expected exactly one formula`, node);
}
