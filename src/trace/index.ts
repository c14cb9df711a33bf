/**
 * Track and trace over an `EconomicModel`: walks forward (track) and backward (trace) through
 * events, resources and processes, pairing pickup/dropoff, accept/modify and combine/separate,
 * and finds the contributions behind a resource for income distribution. Pure, no I/O.
 *
 * Sibling order: the `reference` order walks depth-first and takes a node's neighbours by event
 * time (`hasPointInTime`, else `hasEnd`, else `hasBeginning`), then `created`, then IRI in
 * code-unit order, undated first. A trace reverses that order, so the latest comes first.
 * Resources and processes sort as undated, by IRI. The `plain` order walks breadth-first and
 * takes neighbours by IRI. `compareLinks` states the rule in full.
 */
export { contributionsBehind } from './contributionsBehind.js';
export type { ContributionsBehind, ProcessContribution } from './contributionsBehind.js';
export { bringsIntoR, FlowGraph } from './FlowGraph.js';
export type { FlowLink } from './FlowGraph.js';
export { InvalidTraceOptionError } from './InvalidTraceOptionError.js';
export { trace } from './trace.js';
export { DEFAULT_MAX_DEPTH, TRACE_ORDERS } from './TraceResult.js';
export type {
  FlowEdge, FlowNode, FlowNodeKind, TraceDirection, TraceOptions, TraceOrder, TraceResult, Truncation,
} from './TraceResult.js';
export { track } from './track.js';
export { UnknownNodeError } from './UnknownNodeError.js';
export { walkFlows } from './walkFlows.js';
