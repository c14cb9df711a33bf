import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { parseDecimal } from '../../model/index.js';
import type { Decimal } from '../../model/index.js';
import { PlanningError, explodeRecipe, fragmentPlanIris, planToJson, planToText } from '../../planning/index.js';
import type { CliIo } from '../CliIo.js';
import { CommandFailedError, ExitCode } from '../CliIo.js';
import { loadModelFromFiles } from '../loadModelFromFiles.js';

/** Options of `oce plan` as commander parses them. */
interface PlanOptions {
  recipe: string;
  quantity: string;
  due: string;
  planIri?: string;
  json?: boolean;
}

/**
 * Adds `oce plan --recipe IRI --quantity DEC --due DATE [--json] FILE...`: explodes a recipe from
 * local RDF files backward into a plan, netted against the inventory the files' events imply.
 */
export function addPlanCommand(program: Command, io: CliIo): void {
  program
    .command('plan')
    .description('explode a recipe backward from a demand into a plan of processes and commitments')
    .argument('<files...>', 'Turtle, TriG, N-Triples, N-Quads, JSON-LD, YAML-LD or RDF/XML files with recipes and events')
    .requiredOption('--recipe <iri>', 'IRI of the vf:Recipe, vf:RecipeProcess or resource specification to make')
    .requiredOption('--quantity <decimal>', 'quantity to make, in the unit of the recipe output')
    .requiredOption('--due <dateTime>', 'when the output is due, an xsd:dateTime such as 2026-12-24T17:00:00Z')
    .option('--plan-iri <iri>', 'base IRI of the plan and its parts (default: a new urn:uuid)')
    .option('--json', 'print the plan as JSON instead of tables')
    .action(async (files: string[], options: PlanOptions) => {
      const quantity = parseQuantity(options.quantity);
      const { model } = await loadModelFromFiles(files);
      const iris = fragmentPlanIris(options.planIri ?? `urn:uuid:${randomUUID()}`);
      let report;
      try {
        report = planToJson(explodeRecipe(model, { target: options.recipe, quantity, due: options.due }, { iris }),
          model.problems);
      } catch (error: unknown) {
        if (error instanceof PlanningError) {
          throw new CommandFailedError(error.message);
        }
        throw error;
      }
      io.stdout(options.json === true ? JSON.stringify(report, null, 2) : planToText(report));
    });
}

/** Reads the `--quantity` option as an exact decimal; anything else is a usage error. */
export function parseQuantity(text: string): Decimal {
  try {
    return parseDecimal(text);
  } catch (error: unknown) {
    throw new CommandFailedError(`Invalid --quantity: ${(error as Error).message}`, ExitCode.usage);
  }
}
