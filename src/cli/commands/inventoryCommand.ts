import type { Command } from 'commander';
import { computeInventory } from '../../accounting/index.js';
import { inventoryToJson, inventoryToText } from '../../report/index.js';
import type { CliIo } from '../CliIo.js';
import { loadModelFromFiles } from '../loadModelFromFiles.js';

/** Adds `oce inventory [--json] FILE...`: the inventory implied by the events in local RDF files. */
export function addInventoryCommand(program: Command, io: CliIo): void {
  program
    .command('inventory')
    .description('compute resource inventories from the economic events in local RDF or YAML-LD files')
    .argument('<files...>', 'Turtle, TriG, N-Triples, N-Quads, JSON-LD, YAML-LD or RDF/XML files')
    .option('--json', 'print the result as JSON instead of a table')
    .action(async (files: string[], options: { json?: boolean }) => {
      const { model } = await loadModelFromFiles(files);
      const inventory = inventoryToJson(computeInventory(model), model.problems);
      io.stdout(options.json ? JSON.stringify(inventory, null, 2) : inventoryToText(inventory));
    });
}
