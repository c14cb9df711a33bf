/** The three kinds of node a trace or track walks through. */
export type FlowNodeKind = 'EconomicEvent' | 'EconomicResource' | 'Process';

/** Direction of a walk: `trace` goes backward to origins, `track` forward to destinations. */
export type TraceDirection = 'trace' | 'track';

/**
 * The order in which a walk lists its nodes. `reference` is a depth-first walk whose
 * neighbours come in time order, as the ValueFlows track-and-trace algorithm describes.
 * `plain` is a breadth-first walk whose neighbours come in IRI order.
 */
export type TraceOrder = 'reference' | 'plain';

/** The orders a walk accepts, for checking input such as command-line options. */
export const TRACE_ORDERS: readonly TraceOrder[] = ['reference', 'plain'];

/** Default for {@link TraceOptions.maxDepth}. */
export const DEFAULT_MAX_DEPTH = 1000;

/** Options of a trace or track walk. */
export interface TraceOptions {
  /** Node order of the result; `reference` unless given. */
  order?: TraceOrder;
  /**
   * Greatest number of steps from the start node; nodes at this depth are listed but their
   * neighbours are not followed. A non-negative integer, {@link DEFAULT_MAX_DEPTH} unless given.
   */
  maxDepth?: number;
}

/** One node of a walk's result. */
export interface FlowNode {
  id: string;
  kind: FlowNodeKind;
}

/**
 * One followed link between two nodes, always stated in the direction value flows (from the
 * earlier node to the later one), whichever way the walk went. `action` is the action of the
 * event at either end; on a link between two events (a correction) it is the correcting event's.
 */
export interface FlowEdge {
  from: string;
  to: string;
  action?: string;
}

/** Report of a depth limit that stopped a walk, with the nodes it cut. */
export interface Truncation {
  /** The depth limit that was reached. */
  maxDepth: number;
  /** Nodes at the limit that have neighbours the walk did not reach, in the order they were listed. */
  cutAt: string[];
}

/** The result of a trace or track walk. */
export interface TraceResult {
  start: string;
  direction: TraceDirection;
  order: TraceOrder;
  /** Every node reached, each once, the start node first. */
  flows: FlowNode[];
  /** Every followed link, including links back to nodes already listed, in the order followed. */
  edges: FlowEdge[];
  /** Present only when the depth limit left some node's neighbours unvisited. */
  truncated?: Truncation;
}
