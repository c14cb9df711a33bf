import { termKey } from '../rdf/index.js';
import type { QuadIndex } from '../rdf/index.js';
import { LEGACY_VF, VF, compactIri } from '../vocab/index.js';
import { isActionId } from './EconomicModel.js';
import type {
  ActionId, Agreement, Claim, Commitment, EconomicModel, Intent, Plan, PlannedFlow, Proposal, Quantity, Recipe,
  RecipeExchange, RecipeFlow, RecipeProcess, RecipeResource, Sourced,
} from './EconomicModel.js';
import { addFirstStatement } from './addFirstStatement.js';
import { problem } from './Problem.js';
import type { Problem, Severity } from './Problem.js';

/** The typed value accessors of the model reader, shared so both readers report bad values alike. */
export interface NodeValues {
  iri(subject: string, predicate: string): string | undefined;
  iris(subject: string, predicate: string): string[];
  strings(subject: string, predicate: string): string[];
  text(subject: string, predicate: string): string | undefined;
  boolean(subject: string, predicate: string): boolean | undefined;
  dateTime(subject: string, predicate: string): string | undefined;
  quantity(subject: string, predicate: string, severity: Severity, problems: Problem[]): Quantity | undefined;
}

/** Fills the knowledge-layer and plan-layer maps of an {@link EconomicModel} that planning reads. */
export function addPlanningMaps(model: EconomicModel): void {
  model.recipes ??= new Map();
  model.recipeProcesses ??= new Map();
  model.recipeFlows ??= new Map();
  model.recipeExchanges ??= new Map();
  model.recipeResources ??= new Map();
  model.plans ??= new Map();
  model.commitments ??= new Map();
  model.intents ??= new Map();
  model.proposals ??= new Map();
  model.agreements ??= new Map();
  model.claims ??= new Map();
}

/**
 * Reads recipes, plans, commitments, intents, claims, proposals and agreements of one document
 * by their rdf:type. A flow without exactly one known `vf:action` is skipped with an error, and a
 * quantity that cannot be read is dropped with a warning. The first statement of an IRI wins.
 */
export class PlanningObjectReader {
  public constructor(
    private readonly index: QuadIndex,
    private readonly source: string,
    private readonly values: NodeValues,
    private readonly model: EconomicModel,
  ) {
    addPlanningMaps(model);
  }

  /** Reads the node into every planning map whose class it has. */
  public readNode(subject: string, types: Set<string>): void {
    const model = this.model as Required<EconomicModel>;
    const readers: [{ value: string }, () => void][] = [
      [VF.Recipe, () => this.add(model.recipes, this.readRecipe(subject), 'Recipe')],
      [VF.RecipeProcess, () => this.add(model.recipeProcesses, this.readRecipeProcess(subject), 'RecipeProcess')],
      [VF.RecipeFlow, () => this.add(model.recipeFlows, this.readRecipeFlow(subject), 'RecipeFlow')],
      [VF.RecipeExchange, () => {
        const exchange: RecipeExchange = { ...this.named(subject) };
        this.add(model.recipeExchanges, exchange, 'RecipeExchange');
      }],
      [LEGACY_VF.RecipeResource, () => {
        const resource: RecipeResource = {
          ...this.named(subject), resourceClassifiedAs: this.values.strings(subject, VF.resourceClassifiedAs.value),
        };
        this.add(model.recipeResources, resource, 'RecipeResource');
      }],
      [VF.Plan, () => this.add(model.plans, this.readPlan(subject), 'Plan')],
      [VF.Commitment, () => this.add(model.commitments, this.readCommitment(subject), 'Commitment')],
      [VF.Intent, () => this.add(model.intents, this.readIntent(subject), 'Intent')],
      [VF.Claim, () => this.add(model.claims, this.readClaim(subject), 'Claim')],
      [VF.Proposal, () => this.add(model.proposals, this.readProposal(subject), 'Proposal')],
      [VF.Agreement, () => this.add(model.agreements, this.readAgreement(subject), 'Agreement')],
    ];
    for (const [type, read] of readers) {
      if (types.has(type.value)) {
        read();
      }
    }
  }

  private add<T extends Sourced>(map: Map<string, T>, value: T | undefined, kind: string): void {
    addFirstStatement(map, value, kind, this.source, this.model.problems);
  }

  private named(subject: string): Sourced & { name?: string; note?: string } {
    return {
      id: subject, source: this.source,
      name: this.values.text(subject, VF.name.value),
      note: this.values.text(subject, VF.note.value),
    };
  }

  private readRecipe(subject: string): Recipe {
    return {
      ...this.named(subject),
      primaryOutput: this.values.iri(subject, VF.primaryOutput.value),
      recipeIncludes: this.values.iris(subject, VF.recipeIncludes.value),
    };
  }

  private readRecipeProcess(subject: string): RecipeProcess {
    let processConformsTo = this.values.iri(subject, VF.processConformsTo.value);
    if (processConformsTo === undefined) {
      processConformsTo = this.values.iri(subject, VF.basedOn.value);
      if (processConformsTo !== undefined) {
        const message = `RecipeProcess [${subject}] uses vf:basedOn, which VF 1.0 defines for processes; ` +
          'read as vf:processConformsTo';
        this.model.problems.push(problem('warning', message, { subject, source: this.source }));
      }
    }
    return {
      ...this.named(subject), processConformsTo,
      hasDuration: this.warnedQuantity(subject, VF.hasDuration.value),
      processClassifiedAs: this.values.strings(subject, VF.processClassifiedAs.value),
    };
  }

  private readRecipeFlow(subject: string): RecipeFlow | undefined {
    const action = this.action(subject, 'RecipeFlow');
    if (action === undefined) {
      return undefined;
    }
    return {
      id: subject, source: this.source, action,
      resourceConformsTo: this.values.iri(subject, VF.resourceConformsTo.value),
      resourceClassifiedAs: this.values.strings(subject, VF.resourceClassifiedAs.value),
      resourceQuantity: this.warnedQuantity(subject, VF.resourceQuantity.value),
      effortQuantity: this.warnedQuantity(subject, VF.effortQuantity.value),
      stage: this.values.iri(subject, VF.stage.value),
      state: this.values.text(subject, VF.state.value),
      recipeInputOf: this.values.iri(subject, VF.recipeInputOf.value),
      recipeOutputOf: this.values.iri(subject, VF.recipeOutputOf.value),
      recipeClauseOf: this.values.iri(subject, VF.recipeClauseOf.value),
      recipeReciprocalClauseOf: this.values.iri(subject, VF.recipeReciprocalClauseOf.value),
      note: this.values.text(subject, VF.note.value),
    };
  }

  private readPlan(subject: string): Plan {
    return {
      ...this.named(subject),
      created: this.values.dateTime(subject, VF.created.value),
      due: this.values.dateTime(subject, VF.due.value),
      hasIndependentDemand: this.values.iris(subject, VF.hasIndependentDemand.value),
      planIncludes: this.values.iris(subject, VF.planIncludes.value),
      inScopeOf: this.values.iris(subject, VF.inScopeOf.value),
    };
  }

  private readPlannedFlow(subject: string, kind: string): PlannedFlow | undefined {
    const action = this.action(subject, kind);
    if (action === undefined) {
      return undefined;
    }
    const values = this.values;
    return {
      id: subject, source: this.source, action,
      provider: values.iri(subject, VF.provider.value),
      receiver: values.iri(subject, VF.receiver.value),
      resourceInventoriedAs: values.iri(subject, VF.resourceInventoriedAs.value),
      resourceConformsTo: values.iri(subject, VF.resourceConformsTo.value),
      resourceClassifiedAs: values.strings(subject, VF.resourceClassifiedAs.value),
      resourceQuantity: this.warnedQuantity(subject, VF.resourceQuantity.value),
      effortQuantity: this.warnedQuantity(subject, VF.effortQuantity.value),
      inputOf: values.iri(subject, VF.inputOf.value),
      outputOf: values.iri(subject, VF.outputOf.value),
      hasPointInTime: values.dateTime(subject, VF.hasPointInTime.value),
      hasBeginning: values.dateTime(subject, VF.hasBeginning.value),
      hasEnd: values.dateTime(subject, VF.hasEnd.value),
      due: values.dateTime(subject, VF.due.value),
      created: values.dateTime(subject, VF.created.value),
      finished: values.boolean(subject, VF.finished.value),
      stage: values.iri(subject, VF.stage.value),
      state: values.text(subject, VF.state.value),
      plannedWithin: values.iri(subject, VF.plannedWithin.value),
      satisfies: values.iris(subject, VF.satisfies.value),
      note: values.text(subject, VF.note.value),
    };
  }

  private readCommitment(subject: string): Commitment | undefined {
    const flow = this.readPlannedFlow(subject, 'Commitment');
    return flow === undefined ? undefined : {
      ...flow,
      independentDemandOf: this.values.iri(subject, VF.independentDemandOf.value),
      clauseOf: this.values.iri(subject, VF.clauseOf.value),
      reciprocalClauseOf: this.values.iri(subject, VF.reciprocalClauseOf.value),
    };
  }

  private readIntent(subject: string): Intent | undefined {
    const flow = this.readPlannedFlow(subject, 'Intent');
    return flow === undefined ? undefined : {
      ...flow,
      name: this.values.text(subject, VF.name.value),
      availableQuantity: this.warnedQuantity(subject, VF.availableQuantity.value),
      minimumQuantity: this.warnedQuantity(subject, VF.minimumQuantity.value),
    };
  }

  private readClaim(subject: string): Claim | undefined {
    const action = this.action(subject, 'Claim');
    if (action === undefined) {
      return undefined;
    }
    const values = this.values;
    return {
      id: subject, source: this.source, action,
      provider: values.iri(subject, VF.provider.value),
      receiver: values.iri(subject, VF.receiver.value),
      resourceConformsTo: values.iri(subject, VF.resourceConformsTo.value),
      resourceClassifiedAs: values.strings(subject, VF.resourceClassifiedAs.value),
      resourceQuantity: this.warnedQuantity(subject, VF.resourceQuantity.value),
      effortQuantity: this.warnedQuantity(subject, VF.effortQuantity.value),
      due: values.dateTime(subject, VF.due.value),
      created: values.dateTime(subject, VF.created.value),
      finished: values.boolean(subject, VF.finished.value),
      triggeredBy: values.iri(subject, VF.triggeredBy.value),
      note: values.text(subject, VF.note.value),
    };
  }

  private readProposal(subject: string): Proposal {
    const values = this.values;
    // Upstream examples write the purpose as a plain string ("offer"), so a string counts too.
    const purpose = values.text(subject, VF.purpose.value);
    const localName = purpose === undefined ? undefined : VF.localNameOf(purpose) ?? purpose;
    if (purpose !== undefined && localName !== 'offer' && localName !== 'request') {
      const message = `Proposal [${subject}] has the purpose [${purpose}], expected vf:offer or vf:request; the purpose was ignored`;
      this.model.problems.push(problem('warning', message, { subject, source: this.source }));
    }
    return {
      ...this.named(subject),
      created: values.dateTime(subject, VF.created.value),
      hasBeginning: values.dateTime(subject, VF.hasBeginning.value),
      hasEnd: values.dateTime(subject, VF.hasEnd.value),
      purpose: localName === 'offer' || localName === 'request' ? localName : undefined,
      unitBased: values.boolean(subject, VF.unitBased.value),
      eligibleLocation: values.iri(subject, VF.eligibleLocation.value),
      publishes: values.iris(subject, VF.publishes.value),
      reciprocal: values.iris(subject, VF.reciprocal.value),
      proposedTo: values.iris(subject, VF.proposedTo.value),
    };
  }

  private readAgreement(subject: string): Agreement {
    const values = this.values;
    return {
      ...this.named(subject),
      created: values.dateTime(subject, VF.created.value),
      stipulates: values.iris(subject, VF.stipulates.value),
      stipulatesReciprocal: values.iris(subject, VF.stipulatesReciprocal.value),
      realizes: values.iris(subject, VF.realizes.value),
      realizesReciprocal: values.iris(subject, VF.realizesReciprocal.value),
    };
  }

  private warnedQuantity(subject: string, predicate: string): Quantity | undefined {
    return this.values.quantity(subject, predicate, 'warning', this.model.problems);
  }

  /** Reads the single `vf:action` of a planned or recipe flow, or reports why the flow is skipped. */
  private action(subject: string, kind: string): ActionId | undefined {
    const actions = this.index.objects(subject, VF.action.value);
    const localName = actions.length === 1 && actions[0]?.termType === 'NamedNode'
      ? VF.localNameOf(actions[0].value) : undefined;
    if (localName !== undefined && isActionId(localName)) {
      return localName;
    }
    const found = actions.length === 0 ? 'none' : actions.map((action) => `[${action.value}]`).join(', ');
    const message = `${kind} [${subject}] must have exactly one vf:action of the 19 ValueFlows 1.0 actions, ` +
      `found ${found}; the ${kind.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase()} was skipped`;
    this.model.problems.push(problem('error', message, { subject, source: this.source }));
    return undefined;
  }
}

/** An inverse property stated on the other node, and the field of the target it sets. */
interface InverseRule<T> {
  targets: (model: Required<EconomicModel>) => Map<string, T>;
  field: keyof T & string;
  predicate: string;
}

/**
 * Applies links stated from the other side: `vf:hasRecipeInput` / `vf:hasRecipeOutput` of a recipe
 * process, `vf:recipeStipulates(Reciprocal)` of a recipe exchange, `vf:hasIndependentDemand` and
 * `vf:planIncludes` of a plan, and `vf:stipulates(Reciprocal)` of an agreement. A link that
 * contradicts the one stated on the target is reported and the target's own link kept.
 */
export function applyPlanningInverses(model: EconomicModel, indexes: { source: string; index: QuadIndex }[]): void {
  addPlanningMaps(model);
  const full = model as Required<EconomicModel>;
  const flowRules: InverseRule<RecipeFlow>[] = [
    { targets: (m) => m.recipeFlows, field: 'recipeInputOf', predicate: VF.hasRecipeInput.value },
    { targets: (m) => m.recipeFlows, field: 'recipeOutputOf', predicate: VF.hasRecipeOutput.value },
    { targets: (m) => m.recipeFlows, field: 'recipeClauseOf', predicate: VF.recipeStipulates.value },
    { targets: (m) => m.recipeFlows, field: 'recipeReciprocalClauseOf', predicate: VF.recipeStipulatesReciprocal.value },
  ];
  const commitmentRules: InverseRule<Commitment>[] = [
    { targets: (m) => m.commitments, field: 'independentDemandOf', predicate: VF.hasIndependentDemand.value },
    { targets: (m) => m.commitments, field: 'plannedWithin', predicate: VF.planIncludes.value },
    { targets: (m) => m.commitments, field: 'clauseOf', predicate: VF.stipulates.value },
    { targets: (m) => m.commitments, field: 'reciprocalClauseOf', predicate: VF.stipulatesReciprocal.value },
  ];
  const intentRules: InverseRule<Intent>[] = [
    { targets: (m) => m.intents, field: 'plannedWithin', predicate: VF.planIncludes.value },
  ];
  for (const { source, index } of indexes) {
    for (const rule of flowRules) {
      applyRule(full, rule, index, source);
    }
    for (const rule of commitmentRules) {
      applyRule(full, rule, index, source);
    }
    for (const rule of intentRules) {
      applyRule(full, rule, index, source);
    }
  }
}

function applyRule<T extends Sourced>(
  model: Required<EconomicModel>, rule: InverseRule<T>, index: QuadIndex, source: string,
): void {
  const targets = rule.targets(model);
  for (const quad of index.quadsWith(rule.predicate)) {
    const target = quad.object.termType === 'Literal' ? undefined : targets.get(termKey(quad.object));
    if (target === undefined) {
      continue;
    }
    const subject = termKey(quad.subject);
    const record = target as unknown as Record<string, unknown>;
    const stated = record[rule.field];
    if (stated === undefined) {
      record[rule.field] = subject;
    } else if (stated !== subject) {
      const message = `[${target.id}] is ${compactIri(`${VF.namespace}${rule.field}`)} [${stated as string}], but ` +
        `[${subject}] lists it with ${compactIri(rule.predicate)}; kept the link stated on [${target.id}]`;
      model.problems.push(problem('warning', message, { subject: target.id, source }));
    }
  }
}
