import type { EconomicModel } from '../model/index.js';
import { FlowGraph } from './FlowGraph.js';
import type { TraceOptions, TraceResult } from './TraceResult.js';
import { walkFlows } from './walkFlows.js';

/**
 * Tracks forward from an event, resource or process to everywhere it went: the events that took
 * from a resource, the processes they fed, those processes' outputs, the resources those went
 * into, correcting events, and so on. See {@link FlowGraph} for the links and
 * {@link walkFlows} for the walk and its errors.
 */
export function track(model: EconomicModel, iri: string, options: TraceOptions = {}): TraceResult {
  return walkFlows(new FlowGraph(model), iri, 'track', options);
}
