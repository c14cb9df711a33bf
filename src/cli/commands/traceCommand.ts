import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import type { EconomicModel } from '../../model/index.js';
import { DEFAULT_MAX_DEPTH, trace, TRACE_ORDERS, track } from '../../trace/index.js';
import type { TraceDirection, TraceOrder, TraceResult } from '../../trace/index.js';
import type { CliIo } from '../CliIo.js';
import { loadModelFromFiles } from '../loadModelFromFiles.js';

interface TraceCommandOptions {
  json?: boolean;
  order: TraceOrder;
  depth: number;
}

/**
 * Largest `--depth`. The walk visits each node once, so a deeper limit could only matter for a
 * chain of more than a million flows.
 */
const MAX_DEPTH = 1_000_000;

/** Reads `--depth`: a whole number from 0 to {@link MAX_DEPTH}, written in decimal digits. */
function parseDepth(text: string): number {
  const depth = Number(text);
  if (!/^\d+$/u.test(text) || depth > MAX_DEPTH) {
    throw new InvalidArgumentError(`Expected a whole number of steps from 0 to ${MAX_DEPTH.toLocaleString('en-US')}, ` +
      `got [${text}]`);
  }
  return depth;
}

/** Formats the result as a header line and one line per node: kind, event action and IRI. */
function resultToText(result: TraceResult, model: EconomicModel): string {
  const lines = [`${result.direction} from ${result.start} (order: ${result.order})`];
  for (const flow of result.flows) {
    const action = model.events.get(flow.id)?.action ?? '-';
    lines.push(`${flow.kind.padEnd(16)}  ${action.padEnd(17)}  ${flow.id}`);
  }
  return lines.join('\n');
}

/** Adds one of `oce trace` and `oce track`. */
function addWalkCommand(program: Command, io: CliIo, direction: TraceDirection): void {
  const walk = direction === 'trace' ? trace : track;
  const what = direction === 'trace'
    ? 'list what an event, resource or process came from, walking backward through the flows'
    : 'list where an event, resource or process went, walking forward through the flows';
  program
    .command(direction)
    .description(what)
    .argument('<iri>', 'IRI of the economic event, resource or process to start from')
    .argument('<files...>', 'Turtle, TriG, N-Triples, N-Quads, JSON-LD, YAML-LD or RDF/XML files')
    .option('--json', 'print {"start","order","flows"} as JSON instead of a listing')
    .addOption(new Option('--order <order>', 'reference: depth-first in time order; plain: breadth-first by IRI')
      .choices(TRACE_ORDERS).default('reference'))
    .addOption(new Option('--depth <n>', 'maximum number of steps from the start node')
      .argParser(parseDepth).default(DEFAULT_MAX_DEPTH))
    .action(async (iri: string, files: string[], options: TraceCommandOptions) => {
      const { model } = await loadModelFromFiles(files);
      const result = walk(model, iri, { order: options.order, maxDepth: options.depth });
      if (result.truncated !== undefined) {
        const cut = result.truncated.cutAt.map((node) => `[${node}]`).join(', ');
        io.stderr(`warning: stopped at depth ${result.truncated.maxDepth}; these nodes have neighbours ` +
          `that were not followed: ${cut}. Raise --depth to follow them.`);
      }
      const json = { start: result.start, order: result.order, flows: result.flows };
      io.stdout(options.json ? JSON.stringify(json, null, 2) : resultToText(result, model));
    });
}

/**
 * Adds `oce trace` and `oce track` `[--json] [--order reference|plain] [--depth N] IRI FILE...`:
 * the flows behind, or ahead of, one node of the economic model read from local RDF files.
 * A depth cut is a warning on standard error; an IRI the files do not contain fails with exit 1.
 */
export function addTraceCommands(program: Command, io: CliIo): void {
  addWalkCommand(program, io, 'trace');
  addWalkCommand(program, io, 'track');
}
