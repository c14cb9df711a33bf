import type { EconomicEvent, EconomicModel } from '../model/index.js';
import { FlowGraph } from './FlowGraph.js';
import type { FlowEdge, TraceResult, Truncation } from './TraceResult.js';
import { walkFlows } from './walkFlows.js';

/** Input actions that count as a contribution to the process they feed. */
const CONTRIBUTION_ACTIONS = new Set(['work', 'use', 'cite', 'consume', 'deliverService']);

/** One input event of a process upstream of a resource. */
export interface ProcessContribution {
  event: EconomicEvent;
  /** IRI of the process the event is an input of. */
  process: string;
  /**
   * Minimum number of processes on a traced path from the start to this process, the process included:
   * 1 for a process that produced the start resource, 2 for one that fed that process, and so on.
   */
  depth: number;
}

/** The contributions behind a resource, and where a depth limit cut the trace. */
export interface ContributionsBehind {
  start: string;
  /** Ordered by depth, then process IRI, then event IRI. */
  contributions: ProcessContribution[];
  truncated?: Truncation;
}

/** Returns the minimum number of processes on a followed path from the start to each process of a trace. */
function processDepths(result: TraceResult): Map<string, number> {
  const isProcess = new Set(result.flows.filter((flow) => flow.kind === 'Process').map((flow) => flow.id));
  const upstream = new Map<string, FlowEdge[]>();
  for (const edge of result.edges) {
    upstream.set(edge.to, [...(upstream.get(edge.to) ?? []), edge]);
  }
  // A breadth-first search where entering a process costs 1 and any other node 0 (0-1 BFS).
  const cost = new Map<string, number>([[result.start, isProcess.has(result.start) ? 1 : 0]]);
  const queue: string[] = [result.start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const { from } of upstream.get(node) ?? []) {
      const step = isProcess.has(from) ? 1 : 0;
      const reached = cost.get(node)! + step;
      if (reached < (cost.get(from) ?? Infinity)) {
        cost.set(from, reached);
        if (step === 0) {
          queue.unshift(from);
        } else {
          queue.push(from);
        }
      }
    }
  }
  return new Map([...cost].filter(([node]) => isProcess.has(node)));
}

/**
 * Finds the work, use, cite, consume and deliverService inputs of every process upstream of a
 * resource (or of any event or process), each with the process it fed and that process's
 * depth. The processes are those a {@link trace} in plain order reaches, so loops end and the
 * depth limit of `maxDepth` applies. An input of a process at the depth limit still counts.
 */
export function contributionsBehind(
  model: EconomicModel,
  resourceIri: string,
  options: { maxDepth?: number } = {},
): ContributionsBehind {
  const graph = new FlowGraph(model);
  const result = walkFlows(graph, resourceIri, 'trace', { order: 'plain', maxDepth: options.maxDepth });
  const contributions: ProcessContribution[] = [];
  for (const [process, depth] of processDepths(result)) {
    for (const event of graph.inputsOf(process)) {
      if (CONTRIBUTION_ACTIONS.has(event.action)) {
        contributions.push({ event, process, depth });
      }
    }
  }
  contributions.sort((a, b) => a.depth - b.depth || compareText(a.process, b.process) ||
    compareText(a.event.id, b.event.id));
  return result.truncated === undefined
    ? { start: resourceIri, contributions }
    : { start: resourceIri, contributions, truncated: result.truncated };
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
