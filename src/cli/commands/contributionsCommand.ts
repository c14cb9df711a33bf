import type { Command } from 'commander';
import { computeContributions } from '../../accounting/index.js';
import { contributionsToJson, contributionsToText } from '../../report/index.js';
import type { CliIo } from '../CliIo.js';
import { loadModelFromFiles } from '../loadModelFromFiles.js';

/** Adds `oce contributions [--json] FILE...`: each agent's contributions found in local RDF files. */
export function addContributionsCommand(program: Command, io: CliIo): void {
  program
    .command('contributions')
    .description('sum each agent\'s contributions of work, resources, money, equipment use and citations')
    .argument('<files...>', 'Turtle, TriG, N-Triples, N-Quads, JSON-LD, YAML-LD or RDF/XML files')
    .option('--json', 'print the result as JSON instead of a table')
    .action(async (files: string[], options: { json?: boolean }) => {
      const { model } = await loadModelFromFiles(files);
      const report = contributionsToJson(computeContributions(model), model.problems);
      io.stdout(options.json ? JSON.stringify(report, null, 2) : contributionsToText(report));
    });
}
