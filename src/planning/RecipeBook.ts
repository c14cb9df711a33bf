import type { EconomicModel, Problem, RecipeFlow, RecipeProcess } from '../model/index.js';
import { problem } from '../model/index.js';
import { PlanningError } from './PlanningError.js';
import { compareText } from './compareText.js';

/** The recipe processes planning may use, with their flows, and the recipe's demanded specification. */
export interface RecipeSelection {
  /** Specification of the independent demand. */
  specification: string;
  /** When the demand names a recipe process, the only process that may make the independent demand. */
  firstProcess?: string;
}

/**
 * The recipe knowledge of a model, indexed for planning: the flows of each recipe process and the
 * processes that may be used. A `vf:Recipe` limits planning to the processes it includes, as VF
 * advises when several recipes make the same specification.
 */
export class RecipeBook {
  public readonly problems: Problem[] = [];
  private readonly processes: Map<string, RecipeProcess>;
  private readonly inputs = new Map<string, RecipeFlow[]>();
  private readonly outputs = new Map<string, RecipeFlow[]>();
  private readonly flows: RecipeFlow[];

  public constructor(private readonly model: EconomicModel, allowed?: readonly string[]) {
    const all = model.recipeProcesses ?? new Map<string, RecipeProcess>();
    this.processes = allowed === undefined ? all : this.pick(all, allowed);
    this.flows = [...(model.recipeFlows ?? new Map<string, RecipeFlow>()).values()]
      .sort((a, b) => compareText(a.id, b.id));
    for (const flow of this.flows) {
      if (flow.recipeInputOf !== undefined) {
        this.inputs.set(flow.recipeInputOf, [...(this.inputs.get(flow.recipeInputOf) ?? []), flow]);
      }
      if (flow.recipeOutputOf !== undefined) {
        this.outputs.set(flow.recipeOutputOf, [...(this.outputs.get(flow.recipeOutputOf) ?? []), flow]);
      }
    }
  }

  /**
   * Resolves the target of a demand: a recipe (its `vf:primaryOutput`, else its one output that no
   * included process takes as input), a recipe process (its one output specification) or a
   * resource specification. Returns the book limited to the recipe, and what to make.
   */
  public static forTarget(model: EconomicModel, target: string): [RecipeBook, RecipeSelection] {
    const recipe = model.recipes?.get(target);
    if (recipe !== undefined) {
      const book = new RecipeBook(model, recipe.recipeIncludes.length > 0 ? recipe.recipeIncludes : undefined);
      return [book, { specification: recipe.primaryOutput ?? book.finalOutput(target) }];
    }
    const book = new RecipeBook(model);
    const process = model.recipeProcesses?.get(target);
    if (process !== undefined) {
      const specifications = [...new Set(book.outputsOf(target).flatMap((flow) => flow.resourceConformsTo ?? []))];
      if (specifications.length !== 1) {
        throw new PlanningError(`Expected recipe process [${target}] to output exactly one resource specification, ` +
          `found ${listOrNone(specifications)}; plan for one of them by its IRI instead`, target);
      }
      return [book, { specification: specifications[0]!, firstProcess: target }];
    }
    return [book, { specification: target }];
  }

  /** Returns a recipe process that planning may use, or undefined. */
  public process(id: string): RecipeProcess | undefined {
    return this.processes.get(id);
  }

  public inputsOf(process: string): RecipeFlow[] {
    return this.inputs.get(process) ?? [];
  }

  public outputsOf(process: string): RecipeFlow[] {
    return this.outputs.get(process) ?? [];
  }

  /** Returns the flows that are clauses (`reciprocal` false) or reciprocal clauses of a recipe exchange. */
  public exchangeFlows(exchange: string, reciprocal: boolean): RecipeFlow[] {
    return this.flows.filter((flow) => (reciprocal ? flow.recipeReciprocalClauseOf : flow.recipeClauseOf) === exchange);
  }

  /**
   * Returns the usable processes, sorted by IRI, with an output of the specification. With a
   * stage, only those whose `vf:processConformsTo` is that stage qualify, because workflow
   * recipes chain their processes by stage.
   */
  public producersOf(specification: string, stage: string | undefined): RecipeProcess[] {
    return [...this.processes.values()]
      .filter((process) => stage === undefined || process.processConformsTo === stage)
      .filter((process) => this.outputsOf(process.id).some((flow) => flow.resourceConformsTo === specification))
      .sort((a, b) => compareText(a.id, b.id));
  }

  private pick(all: Map<string, RecipeProcess>, allowed: readonly string[]): Map<string, RecipeProcess> {
    const picked = new Map<string, RecipeProcess>();
    for (const id of allowed) {
      const process = all.get(id);
      if (process === undefined) {
        this.problems.push(problem('warning', `The recipe includes [${id}], which is no recipe process in the data; ` +
          'it was left out'));
      } else {
        picked.set(id, process);
      }
    }
    return picked;
  }

  private finalOutput(recipe: string): string {
    const processes = [...this.processes.keys()];
    const inputs = processes.flatMap((id) => this.inputsOf(id));
    const inputSpecifications = new Set(inputs.flatMap((flow) => flow.resourceConformsTo ?? []));
    const outputs = processes.flatMap((id) => this.outputsOf(id));
    const outputSpecifications = outputs.flatMap((flow) => flow.resourceConformsTo ?? []);
    const finals = [...new Set(outputSpecifications.filter((specification) => !inputSpecifications.has(specification)))]
      .sort(compareText);
    if (finals.length !== 1) {
      throw new PlanningError(`Expected recipe [${recipe}] to have a vf:primaryOutput or exactly one output that none ` +
        `of its processes takes as input, found ${listOrNone(finals)}; plan for one of them by its IRI instead`, recipe);
    }
    return finals[0]!;
  }
}

function listOrNone(items: string[]): string {
  return items.length === 0 ? 'none' : items.map((item) => `[${item}]`).join(', ');
}
