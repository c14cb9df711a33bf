import type { Command } from 'commander';
import { explodeRecipe, PlanningError, PlanWriter } from '../../planning/index.js';
import type { CliIo } from '../CliIo.js';
import { CommandFailedError } from '../CliIo.js';
import { loadModelFromFiles } from '../loadModelFromFiles.js';
import { withSession, withSessionOptions } from '../sessionOptions.js';
import type { SessionOptions } from '../sessionOptions.js';
import { parseDue, parseQuantity } from './planCommand.js';

/** Options of `oce pod plan` as commander parses them. */
interface PodPlanOptions extends SessionOptions {
  recipe: string;
  quantity: string;
  due: string;
  name: string;
}

/**
 * Adds `oce pod plan --recipe IRI --quantity DEC --due DATE --name NAME FILE...` to the `pod`
 * command: explodes a recipe from local files as `oce plan` does, then writes the plan as VF
 * `Plan`, `Process` and `Commitment` documents to the pod (`rea/plans/NAME.ttl`,
 * `rea/commitments/NAME.ttl`, and `rea/agreements/NAME.ttl` when the recipe has exchanges). An
 * existing document of that name is never overwritten.
 */
export function addPodPlanCommand(program: Command, io: CliIo): void {
  const pod = program.commands.find((command) => command.name() === 'pod');
  if (pod === undefined) {
    throw new Error('Expected the pod command to be added before its plan subcommand');
  }
  withSessionOptions(pod.command('plan'))
    .description('explode a recipe from local files into a plan and write it to the pod')
    .argument('<files...>', 'RDF files with the recipes and the events that imply what is on hand')
    .requiredOption('--recipe <iri>', 'IRI of the vf:Recipe, vf:RecipeProcess or resource specification to make')
    .requiredOption('--quantity <decimal>', 'quantity to make, in the unit of the recipe output')
    .requiredOption('--due <dateTime>', 'when the output is due, an xsd:dateTime such as 2026-12-24T17:00:00Z')
    .requiredOption('--name <name>', 'document name of the plan in the pod, such as stools-december')
    .action(async (files: string[], options: PodPlanOptions) => {
      const quantity = parseQuantity(options.quantity);
      const due = parseDue(options.due);
      const { model } = await loadModelFromFiles(files);
      const written = await withSession(options, async (session, storage) => {
        const writer = new PlanWriter({ fetch: session.fetch, storage });
        let plan;
        try {
          plan = explodeRecipe(model, { target: options.recipe, quantity, due },
            { iris: writer.iris(options.name) });
        } catch (error: unknown) {
          throw error instanceof PlanningError ? new CommandFailedError(error.message) : error;
        }
        return { plan, documents: await writer.write(plan) };
      });
      io.stdout(`Wrote plan ${written.plan.id} with ${written.plan.commitments.length} commitments to ` +
        [written.documents.plan, written.documents.commitments, written.documents.agreements]
          .filter((document) => document !== undefined).join(', '));
    });
}
