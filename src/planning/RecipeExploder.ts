import { Decimal, formatDecimal, problem } from '../model/index.js';
import type { ActionId, EconomicModel, Problem, Quantity, RecipeFlow, RecipeProcess } from '../model/index.js';
import { durationInSeconds } from './durationInSeconds.js';
import type {
  DependentDemand, GeneratedPlan, PlanDemand, PlanIris, PlannedAgreement, PlannedCommitment, PlannedProcess,
} from './GeneratedPlan.js';
import { Instant } from './Instant.js';
import { onHandBySpecification } from './onHandBySpecification.js';
import type { OnHandTotals } from './onHandBySpecification.js';
import { PlanningError } from './PlanningError.js';
import { RecipeBook } from './RecipeBook.js';
import type { RecipeSelection } from './RecipeBook.js';
import { scaleQuantity } from './scaleQuantity.js';

/** Actions whose inputs are the effort of agents, which no inventory contains and no recipe produces. */
const EFFORT_ACTIONS: readonly ActionId[] = ['work', 'deliverService'];

/** Input actions that need the resource present but leave its quantity for the next demand. */
const NON_CONSUMING_ACTIONS: readonly ActionId[] = ['use', 'cite', 'accept', 'modify', 'pickup', 'dropoff'];

/** Upper bound on planned processes, so a recipe that fans out without end fails instead of exhausting memory. */
const MAX_PROCESSES = 10000;

/** Options of {@link RecipeExploder}. */
export interface ExplodeOptions {
  iris: PlanIris;
  /** On-hand totals to net against; computed from the model's events when absent. */
  onHand?: Map<string, OnHandTotals>;
  name?: string;
}

/** A demand waiting to be netted and planned. */
interface OpenDemand {
  specification: string;
  stage?: string;
  quantity: Quantity;
  due: Instant;
  neededBy?: string;
  /** Recipe processes planned on the way from the independent demand to this one. */
  path: string[];
  /** The recipe process whose input this is; it never produces its own input. */
  requester?: string;
  consumes: boolean;
  /** A workflow input without a stage: the resource as it is now, netted but never produced. */
  passThrough: boolean;
  order: number;
}

/**
 * Explodes a recipe backward from a demand into a plan, following the VF dependent-demand
 * algorithm (valueflo.ws, "Dependent Demand" under Algorithms):
 *
 * 1. Demands are taken earliest due first. Each is netted against on-hand inventory of its
 *    specification and unit, and what inventory covers is allocated to it, so later demands see less.
 *    Use, cite, accept, modify, pickup and dropoff need the quantity present but leave it for others.
 * 2. The remainder goes to a recipe process with an output of that specification (the first by
 *    IRI when several qualify, with a warning). A demand that names a stage, as workflow recipes
 *    do, only matches processes whose `vf:processConformsTo` is that stage. Without a producer the
 *    remainder is still needed from outside the plan.
 * 3. The planned process ends when the demand is due and begins `vf:hasDuration` earlier. Its
 *    duration is that of one run and is not scaled with the quantity: VF gives no rule for scaling time.
 * 4. Every output and input flow becomes a commitment scaled by demanded / recipe output
 *    quantity; outputs are due at the end, inputs at the beginning.
 * 5. Each input that names a specification and a resource quantity becomes a new demand, except
 *    effort (work, deliverService) and a workflow input whose specification the same process also
 *    outputs without naming a stage. A process that would need its own output is a cycle and fails.
 *
 * Recipe exchanges used by a planned flow become one agreement per process, with the exchange's
 * other clauses that belong to no recipe process as commitments due when the process ends.
 */
export class RecipeExploder {
  private readonly processes: PlannedProcess[] = [];
  private readonly commitments: PlannedCommitment[] = [];
  private readonly agreements: PlannedAgreement[] = [];
  private readonly demands: DependentDemand[] = [];
  private readonly problems: Problem[] = [];
  private readonly queue: OpenDemand[] = [];
  private readonly available: Map<string, OnHandTotals>;
  private orderCounter = 0;

  public constructor(private readonly model: EconomicModel, private readonly options: ExplodeOptions) {
    const onHand = options.onHand ?? onHandBySpecification(model);
    this.available = new Map([...onHand].map(([specification, totals]) => [specification, new Map(totals)]));
  }

  /** Builds the plan for one independent demand; throws a {@link PlanningError} when it cannot. */
  public explode(demand: PlanDemand): GeneratedPlan {
    if (!demand.quantity.isFinite() || demand.quantity.lte(0)) {
      throw new PlanningError(`Expected a demanded quantity above zero, got [${demand.quantity.toString()}]`);
    }
    const due = Instant.parse(demand.due, 'due date');
    const [book, selection] = RecipeBook.forTarget(this.model, demand.target);
    this.problems.push(...book.problems);
    const unit = this.demandUnit(book, selection);
    this.enqueue({ specification: selection.specification, quantity: { value: demand.quantity, unit }, due, path: [],
      consumes: true, passThrough: false });
    for (let next = this.dequeue(); next !== undefined; next = this.dequeue()) {
      this.plan(book, selection, next);
    }
    return {
      id: this.options.iris.plan,
      name: this.options.name ?? this.defaultName(demand.quantity, unit, selection.specification),
      due: due.toString(),
      processes: this.processes, commitments: this.commitments, agreements: this.agreements,
      demands: this.demands, problems: this.problems,
    };
  }

  /** Returns the unit of the output flow that makes the demanded specification. */
  private demandUnit(book: RecipeBook, selection: RecipeSelection): string {
    const producers = this.producers(book, selection, selection.specification, undefined, undefined);
    const output = producers.flatMap((process) => book.outputsOf(process.id))
      .find((flow) => flow.resourceConformsTo === selection.specification);
    const quantity = output?.resourceQuantity ?? output?.effortQuantity;
    if (quantity === undefined) {
      const found = output === undefined ? 'no recipe process outputs it' : `recipe flow [${output.id}] has no quantity`;
      throw new PlanningError(`Expected a recipe flow with a quantity that outputs [${selection.specification}], ` +
        `but ${found}`, selection.specification);
    }
    return quantity.unit;
  }

  private producers(
    book: RecipeBook, selection: RecipeSelection, specification: string, stage: string | undefined,
    requester: string | undefined,
  ): RecipeProcess[] {
    if (requester === undefined && selection.firstProcess !== undefined) {
      return [book.process(selection.firstProcess)!];
    }
    return book.producersOf(specification, stage).filter((process) => process.id !== requester);
  }

  /** Nets one demand against inventory and plans a process for the rest. */
  private plan(book: RecipeBook, selection: RecipeSelection, open: OpenDemand): void {
    const fromInventory = open.stage === undefined ? this.allocate(open) : new Decimal(0);
    const remaining = open.quantity.value.minus(fromInventory);
    const record: DependentDemand = {
      resourceConformsTo: open.specification, stage: open.stage, quantity: open.quantity, due: open.due.toString(),
      neededBy: open.neededBy, fromInventory, remaining,
    };
    this.demands.push(record);
    if (remaining.lte(0) || open.passThrough) {
      return;
    }
    const producers = this.producers(book, selection, open.specification, open.stage, open.requester);
    const producer = producers[0];
    if (producer === undefined) {
      return;
    }
    if (producers.length > 1) {
      const list = producers.map((process) => `[${process.id}]`).join(', ');
      this.problems.push(problem('warning', `Several recipe processes output [${open.specification}]: ${list}; ` +
        `planned with the first, [${producer.id}]`, { subject: open.specification }));
    }
    if (open.path.includes(producer.id)) {
      throw cycleError(book, [...open.path.slice(open.path.indexOf(producer.id)), producer.id]);
    }
    record.producedBy = this.schedule(book, producer, open, remaining);
  }

  /** Allocates on-hand inventory of the demand's specification and unit, up to the demanded quantity. */
  private allocate(open: OpenDemand): Decimal {
    const totals = this.available.get(open.specification);
    const onHand = totals?.get(open.quantity.unit) ?? new Decimal(0);
    if (totals === undefined || onHand.lte(0)) {
      return new Decimal(0);
    }
    const allocated = Decimal.min(onHand, open.quantity.value);
    if (open.consumes) {
      totals.set(open.quantity.unit, onHand.minus(allocated));
    }
    return allocated;
  }

  /** Plans one run of `producer` for `remaining` of the demand and returns the new process's IRI. */
  private schedule(
    book: RecipeBook, producer: RecipeProcess, open: OpenDemand, remaining: Decimal,
  ): string | undefined {
    const output = book.outputsOf(producer.id).find((flow) => flow.resourceConformsTo === open.specification)!;
    const perRun = output.resourceQuantity ?? output.effortQuantity;
    if (perRun === undefined || perRun.unit !== open.quantity.unit || perRun.value.lte(0)) {
      const stated = perRun === undefined ? 'none' : `[${formatDecimal(perRun.value)}] [${perRun.unit}]`;
      this.problems.push(problem('warning', `Cannot scale recipe flow [${output.id}] to [${formatDecimal(remaining)}] ` +
        `[${open.quantity.unit}]: expected a quantity above zero in that unit, found ${stated}; the demand is still needed`,
      { subject: output.id }));
      return undefined;
    }
    if (this.processes.length >= MAX_PROCESSES) {
      throw new PlanningError(`Expected a plan of at most ${MAX_PROCESSES} processes; the recipe fans out further`);
    }
    const end = open.due;
    const duration = producer.hasDuration;
    const begin = duration === undefined ? end : end.minus(durationInSeconds(duration, producer.id));
    const process: PlannedProcess = {
      id: this.options.iris.process(this.processes.length + 1), name: producer.name,
      basedOn: producer.processConformsTo,
      recipeProcess: producer.id, hasBeginning: begin.toString(), hasEnd: end.toString(),
    };
    this.processes.push(process);
    const scale = (quantity: Quantity | undefined): Quantity | undefined =>
      this.scale(quantity, remaining, perRun, producer.id);
    const flows = new Map<RecipeFlow, PlannedCommitment>();
    for (const flow of book.outputsOf(producer.id)) {
      const commitment = this.commit(flow, end, scale, { outputOf: process.id });
      if (flow === output && open.path.length === 0) {
        commitment.independentDemandOf = this.options.iris.plan;
      }
      flows.set(flow, commitment);
    }
    for (const flow of book.inputsOf(producer.id)) {
      const commitment = this.commit(flow, begin, scale, { inputOf: process.id });
      flows.set(flow, commitment);
      this.enqueueInput(book, producer, flow, commitment, begin, open.path);
    }
    this.addExchanges(book, flows, end, scale);
    return process.id;
  }

  private scale(
    quantity: Quantity | undefined, remaining: Decimal, perRun: Quantity, process: string,
  ): Quantity | undefined {
    if (quantity === undefined) {
      return undefined;
    }
    const scaled = scaleQuantity(quantity.value, remaining, perRun.value);
    if (!scaled.exact) {
      this.problems.push(problem('warning', `Scaled [${formatDecimal(quantity.value)}] by [${formatDecimal(remaining)}] / ` +
        `[${formatDecimal(perRun.value)}] for recipe process [${process}]; the result has no finite decimal expansion ` +
        `and was rounded up to [${formatDecimal(scaled.value)}]`, { subject: process }));
    }
    return { value: scaled.value, unit: quantity.unit };
  }

  private commit(
    flow: RecipeFlow, due: Instant, scale: (quantity: Quantity | undefined) => Quantity | undefined,
    link: Pick<PlannedCommitment, 'inputOf' | 'outputOf'>,
  ): PlannedCommitment {
    const commitment: PlannedCommitment = {
      id: this.options.iris.commitment(this.commitments.length + 1), action: flow.action,
      resourceConformsTo: flow.resourceConformsTo, resourceClassifiedAs: [...flow.resourceClassifiedAs],
      resourceQuantity: scale(flow.resourceQuantity), effortQuantity: scale(flow.effortQuantity),
      stage: flow.stage, state: flow.state, due: due.toString(), ...link, recipeFlow: flow.id,
    };
    this.commitments.push(commitment);
    return commitment;
  }

  /** Adds the dependent demand of one input commitment, when it has one (see the class comment, step 5). */
  private enqueueInput(
    book: RecipeBook, producer: RecipeProcess, flow: RecipeFlow, commitment: PlannedCommitment, due: Instant,
    path: string[],
  ): void {
    const quantity = commitment.resourceQuantity;
    if (flow.resourceConformsTo === undefined || quantity === undefined || EFFORT_ACTIONS.includes(flow.action)) {
      return;
    }
    const passThrough = flow.stage === undefined &&
      book.outputsOf(producer.id).some((output) => output.resourceConformsTo === flow.resourceConformsTo);
    this.enqueue({
      specification: flow.resourceConformsTo, stage: flow.stage, quantity, due, neededBy: commitment.id,
      path: [...path, producer.id], requester: producer.id,
      consumes: !NON_CONSUMING_ACTIONS.includes(flow.action), passThrough,
    });
  }

  /** Adds one agreement per recipe exchange the process's flows are clauses of, with its free-standing clauses. */
  private addExchanges(
    book: RecipeBook, flows: Map<RecipeFlow, PlannedCommitment>, end: Instant,
    scale: (quantity: Quantity | undefined) => Quantity | undefined,
  ): void {
    const agreements = new Map<string, PlannedAgreement>();
    const agreementFor = (exchange: string): PlannedAgreement => {
      let agreement = agreements.get(exchange);
      if (agreement === undefined) {
        agreement = {
          id: this.options.iris.agreement(this.agreements.length + 1), recipeExchange: exchange,
          name: this.model.recipeExchanges?.get(exchange)?.name,
        };
        agreements.set(exchange, agreement);
        this.agreements.push(agreement);
        this.addFreeClauses(book, agreement, end, scale);
      }
      return agreement;
    };
    for (const [flow, commitment] of flows) {
      if (flow.recipeClauseOf !== undefined) {
        commitment.clauseOf = agreementFor(flow.recipeClauseOf).id;
      }
      if (flow.recipeReciprocalClauseOf !== undefined) {
        commitment.reciprocalClauseOf = agreementFor(flow.recipeReciprocalClauseOf).id;
      }
    }
  }

  private addFreeClauses(
    book: RecipeBook, agreement: PlannedAgreement, end: Instant,
    scale: (quantity: Quantity | undefined) => Quantity | undefined,
  ): void {
    for (const reciprocal of [false, true]) {
      for (const flow of book.exchangeFlows(agreement.recipeExchange, reciprocal)) {
        if (flow.recipeInputOf === undefined && flow.recipeOutputOf === undefined) {
          const link = reciprocal ? { reciprocalClauseOf: agreement.id } : { clauseOf: agreement.id };
          Object.assign(this.commit(flow, end, scale, {}), link);
        }
      }
    }
  }

  private enqueue(demand: Omit<OpenDemand, 'order'>): void {
    this.orderCounter += 1;
    this.queue.push({ ...demand, order: this.orderCounter });
  }

  /** Removes and returns the demand due first, the earliest added among equals. */
  private dequeue(): OpenDemand | undefined {
    let best = 0;
    for (let index = 1; index < this.queue.length; index += 1) {
      const candidate = this.queue[index]!;
      const current = this.queue[best]!;
      const order = candidate.due.compare(current.due);
      if (order < 0 || (order === 0 && candidate.order < current.order)) {
        best = index;
      }
    }
    return this.queue.splice(best, 1)[0];
  }

  private defaultName(quantity: Decimal, unit: string, specification: string): string {
    const name = this.model.resourceSpecifications.get(specification)?.name ?? specification;
    return `${formatDecimal(quantity)} ${unit.replace(/^.*[/#]/u, '')} of ${name}`;
  }
}

function cycleError(book: RecipeBook, cycle: string[]): PlanningError {
  const steps = cycle.map((id) => {
    const name = book.process(id)?.name;
    return name === undefined ? `[${id}]` : `${name} [${id}]`;
  });
  return new PlanningError(`Found a recipe cycle: ${steps.join(' needs ')}; a recipe process cannot depend on its ` +
    'own output through other processes, so break the cycle or keep the looping resource in inventory', cycle[0]);
}

/** Explodes a recipe into a plan; shorthand for `new RecipeExploder(model, options).explode(demand)`. */
export function explodeRecipe(model: EconomicModel, demand: PlanDemand, options: ExplodeOptions): GeneratedPlan {
  return new RecipeExploder(model, options).explode(demand);
}
