import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { parseDecimal } from '../../model/index.js';
import type { Decimal } from '../../model/index.js';
import {
  Instant, PlanningError, explodeRecipe, fragmentPlanIris, planToJson, planToText,
} from '../../planning/index.js';
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
      const due = parseDue(options.due);
      const base = options.planIri === undefined ? `urn:uuid:${randomUUID()}` : parsePlanIri(options.planIri);
      const { model } = await loadModelFromFiles(files);
      const iris = fragmentPlanIris(base);
      let report;
      try {
        report = planToJson(explodeRecipe(model, { target: options.recipe, quantity, due }, { iris }),
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

/** Reads the `--quantity` option as an exact decimal above zero; anything else is a usage error. */
export function parseQuantity(text: string): Decimal {
  let quantity: Decimal | undefined;
  try {
    quantity = parseDecimal(text);
  } catch {
    quantity = undefined;
  }
  if (quantity === undefined || quantity.lte(0)) {
    throw new CommandFailedError(`Invalid --quantity: expected a decimal above zero, such as 6 or 2.5, got [${text}]`,
      ExitCode.usage);
  }
  return quantity;
}

/**
 * Checks the `--due` option as an `xsd:dateTime` or `xsd:date` and returns it unchanged; anything
 * else is a usage error.
 */
export function parseDue(text: string): string {
  try {
    Instant.parse(text, 'due');
  } catch (error: unknown) {
    if (error instanceof PlanningError) {
      throw new CommandFailedError('Invalid --due: expected an xsd:dateTime such as 2026-12-24T17:00:00Z, ' +
        `got [${text}]`, ExitCode.usage);
    }
    throw error;
  }
  return text;
}

/**
 * Checks `--plan-iri`: an absolute IRI without a fragment, because the plan's parts are named by
 * appending `#plan`, `#process-1` and so on. Anything else is a usage error.
 */
function parsePlanIri(text: string): string {
  if (!URL.canParse(text) || /\s/u.test(text) || text.includes('#')) {
    throw new CommandFailedError('Invalid --plan-iri: expected an absolute IRI without a fragment, such as ' +
      `urn:test:bread or https://pod.example/plans/bread, got [${text}]`, ExitCode.usage);
  }
  return text;
}
