import type { EconomicEvent, EconomicModel } from '../model/index.js';
import type { FlowNodeKind } from './TraceResult.js';

/** One step from a node to a neighbour, with the event that links them. */
export interface FlowLink {
  node: string;
  kind: FlowNodeKind;
  /** The event at either end of the link; on a link between two events, the correcting one. */
  event: EconomicEvent;
}

/** Actions whose event adds to its `resourceInventoriedAs` (R) even when it names no process. */
const ACTIONS_INTO_R = new Set(['produce', 'dropoff', 'modify', 'separate', 'raise', 'lower']);

/**
 * Tells whether an event brings quantity into its R rather than taking it out: it is an output
 * of a process, or its action adds to R. raise and lower both count, because the ValueFlows
 * trace algorithm treats them as the start of a resource's history.
 */
export function bringsIntoR(event: EconomicEvent): boolean {
  return event.outputOf !== undefined || ACTIONS_INTO_R.has(event.action);
}

function append<T>(map: Map<string, T[]>, key: string | undefined, value: T): void {
  if (key === undefined) {
    return;
  }
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}

/**
 * The flow graph of an {@link EconomicModel}: which event, resource and process leads to which.
 * Links, in the direction value flows:
 * - resource → event when the event takes from it as R (a transfer, a consume, a use, a pickup);
 * - event → resource when the event adds to it as R ({@link bringsIntoR}) or names it as
 *   `toResourceInventoriedAs` (T);
 * - event → process for `inputOf`, process → event for `outputOf`;
 * - event → event from a corrected event to each event that `corrects` it.
 * `previous` (trace) and `next` (track) are exact inverses of each other over these links.
 */
export class FlowGraph {
  private readonly takesFrom = new Map<string, EconomicEvent[]>();
  private readonly bringsInto = new Map<string, EconomicEvent[]>();
  private readonly inputs = new Map<string, EconomicEvent[]>();
  private readonly outputs = new Map<string, EconomicEvent[]>();
  private readonly corrections = new Map<string, EconomicEvent[]>();
  private readonly processIds: Set<string>;
  private readonly resourceIds: Set<string>;

  public constructor(private readonly model: EconomicModel) {
    this.processIds = new Set(model.processes.keys());
    this.resourceIds = new Set(model.resources.keys());
    for (const event of model.events.values()) {
      this.index(event);
    }
  }

  /** Returns the kind of the node with this IRI, or undefined when the model has none. */
  public kindOf(iri: string): FlowNodeKind | undefined {
    if (this.model.events.has(iri)) {
      return 'EconomicEvent';
    }
    if (this.processIds.has(iri)) {
      return 'Process';
    }
    return this.resourceIds.has(iri) ? 'EconomicResource' : undefined;
  }

  /** Returns the event with this IRI, or undefined. */
  public event(iri: string): EconomicEvent | undefined {
    return this.model.events.get(iri);
  }

  /** Returns the nodes one step upstream of a node, each once, in no particular order. */
  public previous(iri: string): FlowLink[] {
    const event = this.model.events.get(iri);
    if (event !== undefined) {
      return this.eventPrevious(event);
    }
    if (this.processIds.has(iri)) {
      return eventLinks(this.inputs.get(iri));
    }
    return eventLinks(this.bringsInto.get(iri));
  }

  /** Returns the nodes one step downstream of a node, each once, in no particular order. */
  public next(iri: string): FlowLink[] {
    const event = this.model.events.get(iri);
    if (event !== undefined) {
      return this.eventNext(event);
    }
    if (this.processIds.has(iri)) {
      return eventLinks(this.outputs.get(iri));
    }
    return eventLinks(this.takesFrom.get(iri));
  }

  /** Returns the input events of a process. */
  public inputsOf(process: string): readonly EconomicEvent[] {
    return this.inputs.get(process) ?? [];
  }

  private index(event: EconomicEvent): void {
    const r = event.resourceInventoriedAs;
    append(bringsIntoR(event) ? this.bringsInto : this.takesFrom, r, event);
    append(this.bringsInto, event.toResourceInventoriedAs, event);
    append(this.inputs, event.inputOf, event);
    append(this.outputs, event.outputOf, event);
    append(this.corrections, event.corrects, event);
    for (const process of [event.inputOf, event.outputOf]) {
      if (process !== undefined) {
        this.processIds.add(process);
      }
    }
    for (const resource of [r, event.toResourceInventoriedAs]) {
      if (resource !== undefined) {
        this.resourceIds.add(resource);
      }
    }
  }

  private eventPrevious(event: EconomicEvent): FlowLink[] {
    const links: FlowLink[] = [];
    if (event.outputOf !== undefined) {
      links.push({ node: event.outputOf, kind: 'Process', event });
    }
    if (event.resourceInventoriedAs !== undefined && !bringsIntoR(event)) {
      links.push({ node: event.resourceInventoriedAs, kind: 'EconomicResource', event });
    }
    const corrected = event.corrects === undefined ? undefined : this.model.events.get(event.corrects);
    if (corrected !== undefined) {
      links.push({ node: corrected.id, kind: 'EconomicEvent', event });
    }
    return unique(links);
  }

  private eventNext(event: EconomicEvent): FlowLink[] {
    const links: FlowLink[] = [];
    if (event.inputOf !== undefined) {
      links.push({ node: event.inputOf, kind: 'Process', event });
    }
    if (event.resourceInventoriedAs !== undefined && bringsIntoR(event)) {
      links.push({ node: event.resourceInventoriedAs, kind: 'EconomicResource', event });
    }
    if (event.toResourceInventoriedAs !== undefined) {
      links.push({ node: event.toResourceInventoriedAs, kind: 'EconomicResource', event });
    }
    for (const correction of this.corrections.get(event.id) ?? []) {
      links.push({ node: correction.id, kind: 'EconomicEvent', event: correction });
    }
    return unique(links);
  }
}

function eventLinks(events: EconomicEvent[] | undefined): FlowLink[] {
  return unique((events ?? []).map((event) => ({ node: event.id, kind: 'EconomicEvent', event })));
}

/** Keeps the first link to each node, so an event naming one resource as both R and T links once. */
function unique(links: FlowLink[]): FlowLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    if (seen.has(link.node)) {
      return false;
    }
    seen.add(link.node);
    return true;
  });
}
