import type { Quad_Object } from 'n3';
import { QuadIndex, termKey } from '../rdf/index.js';
import type { ParsedDocument } from '../rdf/index.js';
import {
  compactIri, FOAF, OCE, ORG, RDF, VF, VF_EVENT_ONLY_PROPERTIES, VF_PLANNED_FLOW_ONLY_PROPERTIES,
} from '../vocab/index.js';
import { DateTimeValue } from './DateTimeValue.js';
import { parseDecimal } from './Decimal.js';
import { emptyModel, isActionId } from './EconomicModel.js';
import type {
  Agent, AgentKind, EconomicEvent, EconomicModel, EconomicResource, Process, ProcessSpecification, Quantity,
  ResourceSpecification, Sourced,
} from './EconomicModel.js';
import { PlanningObjectReader, applyPlanningInverses } from './PlanningObjectReader.js';
import type { NodeValues } from './PlanningObjectReader.js';
import { addFirstStatement } from './addFirstStatement.js';
import { problem } from './Problem.js';
import type { Problem, Severity } from './Problem.js';

/** Agent classes and the kind each one gives, checked in this order. */
const AGENT_KINDS: [string, AgentKind][] = [
  [VF.Person.value, 'Person'], [FOAF.Person.value, 'Person'],
  [VF.Organization.value, 'Organization'], [ORG.Organization.value, 'Organization'],
  [ORG.FormalOrganization.value, 'Organization'], [FOAF.Organization.value, 'Organization'],
  [OCE.Network.value, 'Organization'], [VF.EcologicalAgent.value, 'EcologicalAgent'],
  [VF.Agent.value, 'Agent'], [FOAF.Agent.value, 'Agent'],
];

/** A process link stated from the process side (`vf:hasInput`, `vf:hasOutput`). */
interface ProcessLink {
  process: string;
  field: 'inputOf' | 'outputOf';
  source: string;
}

/**
 * Builds the typed {@link EconomicModel} from parsed documents. A node is read by its rdf:type;
 * a node with `vf:action` and no type in any document is read as an event unless it uses only
 * properties of planned flows. Bad data becomes a problem naming the node and the document:
 * an event with an unknown action or an unreadable quantity is skipped, and an object stated
 * again in a later document keeps its first statement. The documents' own problems come first.
 */
export function readEconomicModel(documents: ParsedDocument[]): EconomicModel {
  const model = emptyModel();
  for (const document of documents) {
    model.problems.push(...document.problems);
  }
  const indexed = documents.map((document) => ({ source: document.source, index: new QuadIndex(document.quads) }));
  const typed = typedNodes(indexed.map(({ index }) => index));
  const links: Map<string, ProcessLink[]> = new Map();
  for (const { source, index } of indexed) {
    new DocumentReader(index, source, typed, model, links).read();
  }
  applyProcessLinks(model, links);
  applyPlanningInverses(model, indexed);
  return model;
}

/** Returns the keys of all nodes that some document gives an rdf:type. */
function typedNodes(indexes: QuadIndex[]): Set<string> {
  const typed = new Set<string>();
  for (const index of indexes) {
    for (const quad of index.quadsWith(RDF.type.value)) {
      typed.add(termKey(quad.subject));
    }
  }
  return typed;
}

/** Reads the objects of one document into the model. */
class DocumentReader implements NodeValues {
  private readonly untypedEvents: string[] = [];
  private readonly invalidTimes: string[] = [];
  private readonly planning: PlanningObjectReader;

  public constructor(
    private readonly index: QuadIndex,
    private readonly source: string,
    private readonly typed: Set<string>,
    private readonly model: EconomicModel,
    private readonly links: Map<string, ProcessLink[]>,
  ) {
    this.planning = new PlanningObjectReader(index, source, this, model);
  }

  public read(): void {
    for (const subject of this.index.subjects()) {
      const types = new Set(this.index.objects(subject, RDF.type.value).map((type) => type.value));
      this.readNode(subject, types);
    }
    if (this.untypedEvents.length > 0) {
      const list = this.untypedEvents.map((id) => `[${id}]`).join(', ');
      const message = `Read ${this.untypedEvents.length} nodes that have vf:action but no rdf:type as EconomicEvents: ${list}`;
      this.model.problems.push(problem('warning', message, { source: this.source }));
    }
    if (this.invalidTimes.length > 0) {
      const message = `Kept ${this.invalidTimes.length} time values as written although they are not xsd:dateTime values, ` +
        `so they may sort wrongly: ${this.invalidTimes.join(', ')}`;
      this.model.problems.push(problem('warning', message, { source: this.source }));
    }
  }

  private readNode(subject: string, types: Set<string>): void {
    if (types.has(VF.EconomicEvent.value) || this.isUntypedEvent(subject, types)) {
      this.add(this.model.events, this.readEvent(subject), 'EconomicEvent');
    }
    if (types.has(VF.EconomicResource.value)) {
      this.add(this.model.resources, this.readResource(subject), 'EconomicResource');
    }
    if (types.has(VF.Process.value)) {
      this.add(this.model.processes, this.readProcess(subject), 'Process');
    }
    this.collectProcessLinks(subject, types);
    const agentKind = AGENT_KINDS.find(([type]) => types.has(type))?.[1];
    if (agentKind !== undefined) {
      this.add(this.model.agents, this.readAgent(subject, agentKind), 'Agent');
    }
    if (types.has(VF.ResourceSpecification.value)) {
      this.add(this.model.resourceSpecifications, this.readResourceSpecification(subject), 'ResourceSpecification');
    }
    if (types.has(VF.ProcessSpecification.value)) {
      const name = this.text(subject, VF.name.value);
      const specification: ProcessSpecification = { id: subject, source: this.source, name };
      this.add(this.model.processSpecifications, specification, 'ProcessSpecification');
    }
    this.planning.readNode(subject, types);
  }

  /** An untyped node with an action is an event, unless only planned flows use its properties. */
  private isUntypedEvent(subject: string, types: Set<string>): boolean {
    if (types.size > 0 || this.typed.has(subject) || this.index.objects(subject, VF.action.value).length === 0) {
      return false;
    }
    const predicates = new Set(this.index.predicates(subject));
    const hasEventOnly = VF_EVENT_ONLY_PROPERTIES.some((property) => predicates.has(property.value));
    const hasPlannedOnly = VF_PLANNED_FLOW_ONLY_PROPERTIES.some((property) => predicates.has(property.value));
    if (hasEventOnly || !hasPlannedOnly) {
      this.untypedEvents.push(subject);
      return true;
    }
    return false;
  }

  private add<T extends Sourced>(map: Map<string, T>, value: T | undefined, kind: string): void {
    addFirstStatement(map, value, kind, this.source, this.model.problems);
  }

  private readEvent(subject: string): EconomicEvent | undefined {
    const errors: Problem[] = [];
    const action = this.action(subject, errors);
    const resourceQuantity = this.quantity(subject, VF.resourceQuantity.value, 'error', errors);
    const effortQuantity = this.quantity(subject, VF.effortQuantity.value, 'error', errors);
    if (action === undefined || errors.length > 0) {
      this.model.problems.push(...errors);
      return undefined;
    }
    return {
      id: subject, source: this.source, action, resourceQuantity, effortQuantity,
      provider: this.iri(subject, VF.provider.value),
      receiver: this.iri(subject, VF.receiver.value),
      resourceInventoriedAs: this.iri(subject, VF.resourceInventoriedAs.value),
      toResourceInventoriedAs: this.iri(subject, VF.toResourceInventoriedAs.value),
      resourceConformsTo: this.iri(subject, VF.resourceConformsTo.value),
      resourceClassifiedAs: this.strings(subject, VF.resourceClassifiedAs.value),
      inputOf: this.iri(subject, VF.inputOf.value),
      outputOf: this.iri(subject, VF.outputOf.value),
      hasPointInTime: this.dateTime(subject, VF.hasPointInTime.value),
      hasBeginning: this.dateTime(subject, VF.hasBeginning.value),
      hasEnd: this.dateTime(subject, VF.hasEnd.value),
      created: this.dateTime(subject, VF.created.value),
      toLocation: this.iri(subject, VF.toLocation.value),
      state: this.text(subject, VF.state.value),
      corrects: this.iri(subject, VF.corrects.value),
      fulfills: this.iris(subject, VF.fulfills.value),
      satisfies: this.iris(subject, VF.satisfies.value),
      settles: this.iris(subject, VF.settles.value),
      realizationOf: this.iri(subject, VF.realizationOf.value),
      reciprocalRealizationOf: this.iri(subject, VF.reciprocalRealizationOf.value),
      inScopeOf: this.iris(subject, VF.inScopeOf.value),
      note: this.text(subject, VF.note.value),
    };
  }

  /** Reads the single `vf:action` and maps it to an ActionId, or adds an error. */
  private action(subject: string, errors: Problem[]): EconomicEvent['action'] | undefined {
    const actions = this.index.objects(subject, VF.action.value);
    const where = { subject, source: this.source };
    if (actions.length !== 1) {
      const found = actions.length === 0 ? 'none' : actions.map((action) => `[${action.value}]`).join(', ');
      errors.push(problem('error', `Event [${subject}] must have exactly one vf:action, found ${found}; the event was skipped`, where));
      return undefined;
    }
    const action = actions[0] as Quad_Object;
    const localName = action.termType === 'NamedNode' ? VF.localNameOf(action.value) : undefined;
    if (localName === undefined || !isActionId(localName)) {
      const message = `Event [${subject}] has the unknown action [${action.value}], expected one of the 19 ` +
        'ValueFlows 1.0 actions; the event was skipped';
      errors.push(problem('error', message, where));
      return undefined;
    }
    return localName;
  }

  private readResource(subject: string): EconomicResource {
    const warnings: Problem[] = [];
    let conformsTo = this.iri(subject, VF.conformsTo.value);
    if (conformsTo === undefined) {
      conformsTo = this.iri(subject, VF.resourceConformsTo.value);
      if (conformsTo !== undefined) {
        const message = `Resource [${subject}] uses vf:resourceConformsTo, which VF 1.0 defines for flows; read as vf:conformsTo`;
        warnings.push(problem('warning', message, { subject, source: this.source }));
      }
    }
    const resource: EconomicResource = {
      id: subject, source: this.source, conformsTo,
      name: this.text(subject, VF.name.value),
      classifiedAs: this.strings(subject, VF.classifiedAs.value),
      trackingIdentifier: this.text(subject, VF.trackingIdentifier.value),
      accountingQuantity: this.quantity(subject, VF.accountingQuantity.value, 'warning', warnings),
      onhandQuantity: this.quantity(subject, VF.onhandQuantity.value, 'warning', warnings),
      primaryAccountable: this.iri(subject, VF.primaryAccountable.value),
      currentLocation: this.iri(subject, VF.currentLocation.value),
      containedIn: this.iri(subject, VF.containedIn.value),
      stage: this.iri(subject, VF.stage.value),
      state: this.text(subject, VF.state.value),
      unitOfEffort: this.iri(subject, VF.unitOfEffort.value),
      note: this.text(subject, VF.note.value),
    };
    this.model.problems.push(...warnings);
    return resource;
  }

  private readProcess(subject: string): Process {
    return {
      id: subject, source: this.source,
      name: this.text(subject, VF.name.value),
      basedOn: this.iri(subject, VF.basedOn.value),
      classifiedAs: this.strings(subject, VF.classifiedAs.value),
      inScopeOf: this.iris(subject, VF.inScopeOf.value),
      plannedWithin: this.iri(subject, VF.plannedWithin.value),
      hasBeginning: this.dateTime(subject, VF.hasBeginning.value),
      hasEnd: this.dateTime(subject, VF.hasEnd.value),
      finished: this.boolean(subject, VF.finished.value),
      note: this.text(subject, VF.note.value),
    };
  }

  private readAgent(subject: string, kind: AgentKind): Agent {
    const name = this.text(subject, VF.name.value) ?? this.text(subject, FOAF.name.value);
    return { id: subject, source: this.source, kind, name };
  }

  private readResourceSpecification(subject: string): ResourceSpecification {
    return {
      id: subject, source: this.source,
      name: this.text(subject, VF.name.value),
      mediumOfExchange: this.boolean(subject, VF.mediumOfExchange.value),
      defaultUnitOfResource: this.iri(subject, VF.defaultUnitOfResource.value),
      defaultUnitOfEffort: this.iri(subject, VF.defaultUnitOfEffort.value),
      resourceClassifiedAs: this.strings(subject, VF.resourceClassifiedAs.value),
    };
  }

  /** Records `vf:hasInput` / `vf:hasOutput` of a process; on any other node they are reported and ignored. */
  private collectProcessLinks(subject: string, types: Set<string>): void {
    const properties: [string, ProcessLink['field']][] = [[VF.hasInput.value, 'inputOf'], [VF.hasOutput.value, 'outputOf']];
    for (const [property, field] of properties) {
      const targets = this.index.objects(subject, property);
      if (targets.length > 0 && !types.has(VF.Process.value)) {
        const message = `[${subject}] uses vf:${property.slice(VF.namespace.length)}, which only a vf:Process may ` +
          `use, for ${targets.length} node(s); the links were ignored`;
        this.model.problems.push(problem('warning', message, { subject, source: this.source }));
        continue;
      }
      for (const target of targets) {
        const key = termKey(target);
        this.links.set(key, [...(this.links.get(key) ?? []), { process: subject, field, source: this.source }]);
      }
    }
  }

  /** Returns the first value of a single-valued property, reporting any further values. */
  private single(subject: string, predicate: string): Quad_Object | undefined {
    const values = this.index.objects(subject, predicate);
    if (values.length > 1) {
      const list = values.map((value) => `[${value.value}]`).join(', ');
      this.warnMultipleValues(subject, predicate, list);
    }
    return values[0];
  }

  private warnMultipleValues(subject: string, predicate: string, list: string): void {
    const message = `[${subject}] has several values for ${compactIri(predicate)}: ${list}; kept the first`;
    this.model.problems.push(problem('warning', message, { subject, source: this.source }));
  }

  public iri(subject: string, predicate: string): string | undefined {
    const value = this.single(subject, predicate);
    if (value !== undefined && value.termType === 'Literal') {
      const message = `[${subject}] has the literal [${value.value}] for ${compactIri(predicate)}, expected an IRI; ` +
        'the value was ignored';
      this.model.problems.push(problem('warning', message, { subject, source: this.source }));
      return undefined;
    }
    return value === undefined ? undefined : termKey(value);
  }

  public iris(subject: string, predicate: string): string[] {
    return this.index.objects(subject, predicate).filter((value) => value.termType !== 'Literal').map(termKey);
  }

  public strings(subject: string, predicate: string): string[] {
    return this.index.objects(subject, predicate).map((value) => (value.termType === 'Literal' ? value.value : termKey(value)));
  }

  public text(subject: string, predicate: string): string | undefined {
    return this.single(subject, predicate)?.value;
  }

  public boolean(subject: string, predicate: string): boolean | undefined {
    const value = this.single(subject, predicate)?.value;
    return value === undefined ? undefined : value === 'true' || value === '1';
  }

  /** Returns a time as written; a value that is not an xsd:dateTime is kept and reported with the document. */
  public dateTime(subject: string, predicate: string): string | undefined {
    const value = this.text(subject, predicate);
    if (value !== undefined && DateTimeValue.parse(value)?.isXsdDateTime() !== true) {
      this.invalidTimes.push(`[${subject}] ${compactIri(predicate)} [${value}]`);
    }
    return value;
  }

  /**
   * Reads the Measure that `subject` links with `predicate`: exactly one numeric
   * `vf:hasNumericalValue` and one unit IRI. Returns undefined and adds a problem of the given
   * severity when the measure cannot be read. Several equal measures count as one, since a
   * document that states a node twice repeats its blank-node measures.
   */
  public quantity(subject: string, predicate: string, severity: Severity, problems: Problem[]): Quantity | undefined {
    const measures = this.index.objects(subject, predicate);
    if (measures.length === 0) {
      return undefined;
    }
    const quantities: Quantity[] = [];
    for (const measure of measures) {
      const read = this.measure(measure);
      if (typeof read === 'string') {
        const consequence = severity === 'error' ? 'the event was skipped' : 'the quantity was ignored';
        const message = `[${subject}] ${compactIri(predicate)}: ${read}; ${consequence}`;
        problems.push(problem(severity, message, { subject, source: this.source }));
        return undefined;
      }
      if (!quantities.some((known) => known.unit === read.unit && known.value.equals(read.value))) {
        quantities.push(read);
      }
    }
    if (quantities.length > 1) {
      this.warnMultipleValues(subject, predicate, quantities.map((quantity) => `[${quantity.value.toFixed()} ${compactIri(quantity.unit)}]`).join(', '));
    }
    return quantities[0];
  }

  /**
   * Reads one Measure node, or returns the reason it cannot be read.
   * NOTE: a measure given by IRI is looked up in the same document only; one described in
   * another document is reported as having no value.
   */
  private measure(measure: Quad_Object): Quantity | string {
    if (measure.termType === 'Literal') {
      return `expected a vf:Measure node, found the literal [${measure.value}]`;
    }
    const measureKey = termKey(measure);
    const values = this.index.objects(measureKey, VF.hasNumericalValue.value);
    const units = this.index.objects(measureKey, VF.hasUnit.value);
    const list = (terms: Quad_Object[]): string => terms.map((term) => `[${term.value}]`).join(', ') || 'none';
    const value = values[0];
    const unit = units[0];
    if (values.length !== 1 || value?.termType !== 'Literal') {
      return `expected exactly one literal vf:hasNumericalValue, found ${list(values)}`;
    }
    if (units.length !== 1 || unit === undefined || unit.termType === 'Literal') {
      return `expected exactly one unit IRI for vf:hasUnit, found ${list(units)}`;
    }
    try {
      return { value: parseDecimal(value.value), unit: termKey(unit) };
    } catch {
      return `the numerical value [${value.value}] is not a decimal number`;
    }
  }
}

/**
 * Sets `inputOf` / `outputOf` of events, commitments and intents from the process side,
 * reporting conflicts with the link stated on the flow.
 */
function applyProcessLinks(model: EconomicModel, links: Map<string, ProcessLink[]>): void {
  for (const [flowId, flowLinks] of links) {
    const [kind, flow] = processFlow(model, flowId);
    if (flow === undefined) {
      continue;
    }
    for (const link of flowLinks) {
      const stated = flow[link.field];
      if (stated === undefined) {
        flow[link.field] = link.process;
      } else if (stated !== link.process) {
        const message = `${kind} [${flowId}] is vf:${link.field} [${stated}], but process [${link.process}] also lists it; ` +
          `kept the link stated on the ${kind.toLowerCase()}`;
        model.problems.push(problem('warning', message, { subject: flowId, source: link.source }));
      }
    }
  }
}

/** Finds the event, commitment or intent with an IRI, with the name of its class. */
function processFlow(model: EconomicModel, id: string): [string, Pick<EconomicEvent, 'inputOf' | 'outputOf'> | undefined] {
  const event = model.events.get(id);
  if (event !== undefined) {
    return ['Event', event];
  }
  const commitment = model.commitments?.get(id);
  return commitment === undefined ? ['Intent', model.intents?.get(id)] : ['Commitment', commitment];
}
