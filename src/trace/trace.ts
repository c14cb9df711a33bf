import type { EconomicModel } from '../model/index.js';
import { FlowGraph } from './FlowGraph.js';
import type { TraceOptions, TraceResult } from './TraceResult.js';
import { walkFlows } from './walkFlows.js';

/**
 * Traces backward from an event, resource or process to everything it came from: the events
 * that brought a resource in, their processes, those processes' inputs, the resources those
 * took from, corrected events, and so on. See {@link FlowGraph} for the links and
 * {@link walkFlows} for the walk and its errors.
 */
export function trace(model: EconomicModel, iri: string, options: TraceOptions = {}): TraceResult {
  return walkFlows(new FlowGraph(model), iri, 'trace', options);
}
