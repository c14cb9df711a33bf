import type { Command } from 'commander';
import type { Problem } from '../../model/index.js';
import { readRdfFile } from '../../rdf/index.js';
import { problemsToText } from '../../report/index.js';
import { ShapeValidator } from '../../validation/index.js';
import type { CliIo } from '../CliIo.js';
import { CommandFailedError } from '../CliIo.js';

/**
 * Adds `oce validate [--json] FILE...`: checks files against the SHACL shapes in `shapes/`.
 * Exits 0 when no file has an error-level problem, 1 otherwise.
 */
export function addValidateCommand(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check local RDF or YAML-LD files against the project\'s SHACL shapes')
    .argument('<files...>', 'Turtle, TriG, N-Triples, N-Quads, JSON-LD, YAML-LD or RDF/XML files')
    .option('--json', 'print the problems as a JSON document')
    .action(async (files: string[], options: { json?: boolean }) => {
      const validator = await ShapeValidator.load();
      const problems: Problem[] = [];
      for (const file of files) {
        const document = await readRdfFile(file);
        problems.push(...document.problems, ...await validator.validate(document.quads, document.source));
      }
      const errors = problems.filter((found) => found.severity === 'error').length;
      if (options.json) {
        io.stdout(JSON.stringify({ valid: errors === 0, problems }, null, 2));
      } else if (problems.length > 0) {
        io.stdout(problemsToText(problems));
      }
      if (errors > 0) {
        throw new CommandFailedError(`${errors} error(s) in ${files.length} file(s) violate the shapes`);
      }
      if (!options.json) {
        io.stdout(`${files.length} file(s) conform to the shapes`);
      }
    });
}
