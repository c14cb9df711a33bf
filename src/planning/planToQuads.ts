import type { NamedNode, Quad, Quad_Object } from 'n3';
import { formatDecimal } from '../model/index.js';
import type { Quantity } from '../model/index.js';
import { literal, namedNode, triple } from '../solid/index.js';
import { RDF, VF, XSD } from '../vocab/index.js';
import type { GeneratedPlan, PlannedCommitment } from './GeneratedPlan.js';

/** The quads of a generated plan, split by the pod document each part belongs in. */
export interface PlanQuads {
  /** The `vf:Plan` and its `vf:Process`es. */
  plan: Quad[];
  commitments: Quad[];
  agreements: Quad[];
}

/**
 * Turns a generated plan into VF 1.0 RDF. Processes and commitments point to the plan with
 * `vf:plannedWithin`, and the commitment that delivers the demand also with
 * `vf:independentDemandOf`. Measures are nodes named `<commitment IRI>-resourceQuantity` (or
 * `-effortQuantity`), because Community Solid Server rejects blank nodes in N3 Patch bodies.
 */
export function planToQuads(plan: GeneratedPlan): PlanQuads {
  const planNode = namedNode(plan.id);
  const planQuads = [triple(planNode, RDF.type, VF.Plan), triple(planNode, VF.due, dateTime(plan.due))];
  if (plan.name !== undefined) {
    planQuads.push(triple(planNode, VF.name, literal(plan.name)));
  }
  for (const process of plan.processes) {
    const node = namedNode(process.id);
    planQuads.push(
      triple(node, RDF.type, VF.Process),
      triple(node, VF.plannedWithin, planNode),
      triple(node, VF.hasBeginning, dateTime(process.hasBeginning)),
      triple(node, VF.hasEnd, dateTime(process.hasEnd)),
    );
    addOptional(planQuads, node, VF.name, process.name === undefined ? undefined : literal(process.name));
    addOptional(planQuads, node, VF.basedOn, iri(process.basedOn));
  }
  const agreements = plan.agreements.flatMap((agreement) => {
    const node = namedNode(agreement.id);
    const quads = [triple(node, RDF.type, VF.Agreement)];
    addOptional(quads, node, VF.name, agreement.name === undefined ? undefined : literal(agreement.name));
    return quads;
  });
  const commitments = plan.commitments.flatMap((each) => commitmentQuads(each, planNode));
  return { plan: planQuads, commitments, agreements };
}

function commitmentQuads(commitment: PlannedCommitment, plan: NamedNode): Quad[] {
  const node = namedNode(commitment.id);
  const quads = [
    triple(node, RDF.type, VF.Commitment),
    triple(node, VF.action, VF[commitment.action]),
    triple(node, VF.due, dateTime(commitment.due)),
    triple(node, VF.plannedWithin, plan),
  ];
  const links: [NamedNode, string | undefined][] = [
    [VF.resourceConformsTo, commitment.resourceConformsTo], [VF.stage, commitment.stage],
    [VF.inputOf, commitment.inputOf], [VF.outputOf, commitment.outputOf],
    [VF.independentDemandOf, commitment.independentDemandOf], [VF.clauseOf, commitment.clauseOf],
    [VF.reciprocalClauseOf, commitment.reciprocalClauseOf],
  ];
  for (const [property, value] of links) {
    addOptional(quads, node, property, iri(value));
  }
  for (const classification of commitment.resourceClassifiedAs) {
    const value = isIri(classification) ? namedNode(classification) : literal(classification);
    quads.push(triple(node, VF.resourceClassifiedAs, value));
  }
  addOptional(quads, node, VF.state, commitment.state === undefined ? undefined : literal(commitment.state));
  addMeasure(quads, commitment.id, 'resourceQuantity', commitment.resourceQuantity);
  addMeasure(quads, commitment.id, 'effortQuantity', commitment.effortQuantity);
  return quads;
}

function addMeasure(quads: Quad[], subject: string, field: 'resourceQuantity' | 'effortQuantity', quantity?: Quantity): void {
  if (quantity === undefined) {
    return;
  }
  const measure = namedNode(`${subject}-${field}`);
  quads.push(
    triple(namedNode(subject), VF[field], measure),
    triple(measure, VF.hasNumericalValue, literal(formatDecimal(quantity.value), XSD.decimal)),
    triple(measure, VF.hasUnit, namedNode(quantity.unit)),
  );
}

function addOptional(quads: Quad[], subject: NamedNode, property: NamedNode, value: Quad_Object | undefined): void {
  if (value !== undefined) {
    quads.push(triple(subject, property, value));
  }
}

function iri(value: string | undefined): NamedNode | undefined {
  return value === undefined ? undefined : namedNode(value);
}

function dateTime(value: string): Quad_Object {
  return literal(value, XSD.dateTime);
}

/** Tells whether a classification is an absolute IRI; VF also allows plain strings there. */
function isIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S*$/iu.test(value);
}
