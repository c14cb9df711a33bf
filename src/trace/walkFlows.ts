import type { EconomicEvent } from '../model/index.js';
import { compareLinks } from './compareLinks.js';
import type { LinkComparator } from './compareLinks.js';
import type { FlowGraph, FlowLink } from './FlowGraph.js';
import { InvalidTraceOptionError } from './InvalidTraceOptionError.js';
import { isPairedLeg } from './isPairedLeg.js';
import { EventTimes } from './EventTimes.js';
import { DEFAULT_MAX_DEPTH, TRACE_ORDERS } from './TraceResult.js';
import type {
  FlowEdge, FlowNode, FlowNodeKind, TraceDirection, TraceOptions, TraceOrder, TraceResult,
} from './TraceResult.js';
import { UnknownNodeError } from './UnknownNodeError.js';

/** A node waiting to be listed, with the link that reached it. */
interface Pending {
  node: string;
  kind: FlowNodeKind;
  depth: number;
  /** The link that reached it; absent for the start node. */
  edge?: FlowEdge;
  /** The event whose link reached it; absent for the start node. */
  via?: EconomicEvent;
}

/** Checks the options and fills in the defaults. */
function checkOptions(options: TraceOptions): { order: TraceOrder; maxDepth: number } {
  const order = options.order ?? 'reference';
  if (!TRACE_ORDERS.includes(order)) {
    throw new InvalidTraceOptionError('order', order, `one of ${TRACE_ORDERS.join(', ')}`);
  }
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isSafeInteger(maxDepth) || maxDepth < 0) {
    throw new InvalidTraceOptionError('maxDepth', maxDepth, 'a non-negative integer');
  }
  return { order, maxDepth };
}

/** One walk over a flow graph, with the state that its steps share. */
class FlowWalk {
  private readonly visited = new Set<string>();
  private readonly flows: FlowNode[] = [];
  private readonly edges: FlowEdge[] = [];
  /** Nodes at the depth limit, with the neighbours they would have followed. */
  private readonly cut: { node: string; neighbours: string[] }[] = [];
  /** For each resource and process, the neighbours already pushed from it. */
  private readonly pushedFrom = new Map<string, Set<string>>();
  private readonly times = new EventTimes();
  private readonly compare: LinkComparator;

  public constructor(
    private readonly graph: FlowGraph,
    private readonly direction: TraceDirection,
    private readonly order: TraceOrder,
    private readonly maxDepth: number,
  ) {
    this.compare = compareLinks(order, direction, (iri) => graph.event(iri), this.times);
  }

  /**
   * Walks from `start`. The reference order takes the newest pending node, which makes it
   * depth-first, and neighbours are pushed in reverse so the first one is walked first. The plain
   * order takes the oldest (breadth-first). A node is listed when it is taken for the first time.
   */
  public run(start: string, kind: FlowNodeKind): TraceResult {
    const frontier: Pending[] = [{ node: start, kind, depth: 0 }];
    let head = 0;
    while (head < frontier.length) {
      const item = this.order === 'reference' ? frontier.pop()! : frontier[head++]!;
      this.take(item, frontier);
    }
    return this.result(start);
  }

  /**
   * Lists a node the first time it is taken and pushes its neighbours. Which neighbours of a
   * resource or process a walk may follow depends on the event it came through, so such a node
   * taken again pushes the neighbours that the new event admits and no earlier visit pushed.
   */
  private take(item: Pending, frontier: Pending[]): void {
    if (item.edge !== undefined) {
      this.edges.push(item.edge);
    }
    const first = !this.visited.has(item.node);
    if (!first && item.kind === 'EconomicEvent') {
      return;
    }
    if (first) {
      this.visited.add(item.node);
      this.flows.push({ id: item.node, kind: item.kind });
    }
    const neighbours = this.unpushed(item, this.neighbours(item));
    if (neighbours.length === 0) {
      return;
    }
    if (item.depth >= this.maxDepth) {
      this.cut.push({ node: item.node, neighbours: neighbours.map((next) => next.node) });
      return;
    }
    for (const next of neighbours) {
      this.pushedFrom.get(item.node)?.add(next.node);
    }
    frontier.push(...(this.order === 'reference' ? neighbours.reverse() : neighbours));
  }

  /** Drops, for a resource or process, the neighbours an earlier visit already pushed. */
  private unpushed(item: Pending, neighbours: Pending[]): Pending[] {
    if (item.kind === 'EconomicEvent') {
      return neighbours;
    }
    let pushed = this.pushedFrom.get(item.node);
    if (pushed === undefined) {
      pushed = new Set();
      this.pushedFrom.set(item.node, pushed);
    }
    const known = pushed;
    return neighbours.filter((next) => !known.has(next.node));
  }

  /**
   * Tells whether a resource reached through the event `via` leads on to `event`. A trace
   * follows only events into the resource not known to happen after `via`. A track follows only
   * events out of it not known to happen before `via`. So a trace from a packed item does not
   * run into the item's later unpacking. The start resource leads to all its events.
   */
  private inTime(via: EconomicEvent | undefined, event: EconomicEvent): boolean {
    if (via === undefined) {
      return true;
    }
    return this.direction === 'trace' ? !this.times.isKnownBefore(via, event) : !this.times.isKnownBefore(event, via);
  }

  /**
   * Returns the neighbours to walk next, in order. A resource leads only to events in time with
   * the event it was reached through, and a process only to the matching leg of a pair.
   */
  private neighbours(item: Pending): Pending[] {
    const links = this.direction === 'trace' ? this.graph.previous(item.node) : this.graph.next(item.node);
    const pending: Pending[] = [];
    for (const link of links.sort(this.compare)) {
      if (item.kind === 'EconomicResource' && !this.inTime(item.via, link.event)) {
        continue;
      }
      if (item.kind === 'Process' && !isPairedLeg(item.via, link.event)) {
        continue;
      }
      pending.push({
        node: link.node, kind: link.kind, depth: item.depth + 1, edge: this.edgeTo(item, link), via: link.event,
      });
    }
    return pending;
  }

  /** States the link in the direction value flows. */
  private edgeTo(item: Pending, link: FlowLink): FlowEdge {
    const [from, to] = this.direction === 'trace' ? [link.node, item.node] : [item.node, link.node];
    return { from, to, action: link.event.action };
  }

  private result(start: string): TraceResult {
    const result: TraceResult = {
      start, direction: this.direction, order: this.order, flows: this.flows, edges: this.edges,
    };
    const cutAt = this.cut
      .filter(({ neighbours }) => neighbours.some((node) => !this.visited.has(node)))
      .map(({ node }) => node);
    if (cutAt.length > 0) {
      result.truncated = { maxDepth: this.maxDepth, cutAt };
    }
    return result;
  }
}

/**
 * Walks a flow graph from the node `start` in one direction and returns every node reached,
 * each once (a visited set ends loops), with the links followed. Throws
 * {@link UnknownNodeError} when `start` is not in the graph and {@link InvalidTraceOptionError}
 * for a bad option.
 * A node is listed once, but a resource or process reached again through another event
 * may lead on to more neighbours, so the walk reaches every node that some admitted path reaches.
 */
export function walkFlows(
  graph: FlowGraph,
  start: string,
  direction: TraceDirection,
  options: TraceOptions = {},
): TraceResult {
  const { order, maxDepth } = checkOptions(options);
  const kind = graph.kindOf(start);
  if (kind === undefined) {
    throw new UnknownNodeError(start);
  }
  return new FlowWalk(graph, direction, order, maxDepth).run(start, kind);
}
