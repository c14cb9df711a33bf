import type { EconomicEvent } from '../model/index.js';
import { compareTimes } from './EventTimes.js';
import type { EventTimeKey, EventTimes } from './EventTimes.js';
import type { FlowLink } from './FlowGraph.js';
import type { TraceDirection, TraceOrder } from './TraceResult.js';

function compareIris(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** A comparator over neighbour links. */
export type LinkComparator = (a: FlowLink, b: FlowLink) => number;

/**
 * Returns the comparator that orders a node's neighbours.
 *
 * `reference`: events by event time (`hasPointInTime`, else `hasEnd`, else `hasBeginning`),
 * then `created`, then IRI in UTF-16 code-unit order, with a missing or unreadable time before
 * every time, which is the accounting engine's replay order. A resource or process neighbour
 * sorts as an event with neither time. Tracking uses this order as it is. Tracing reverses it,
 * so the latest event comes first, as the upstream trace algorithm's descending sort intends.
 *
 * `plain`: IRIs in code-unit order, in both directions. `eventOf` finds the event of an IRI.
 */
export function compareLinks(
  order: TraceOrder,
  direction: TraceDirection,
  eventOf: (iri: string) => EconomicEvent | undefined,
  times: EventTimes,
): LinkComparator {
  if (order === 'plain') {
    return (a, b) => compareIris(a.node, b.node);
  }
  const timeKeyOf = (link: FlowLink): EventTimeKey => {
    const event = link.kind === 'EconomicEvent' ? eventOf(link.node) : undefined;
    return event === undefined ? { time: null, created: null } : times.keyOf(event);
  };
  const sign = direction === 'track' ? 1 : -1;
  return (a, b) => {
    const left = timeKeyOf(a);
    const right = timeKeyOf(b);
    const compared = compareTimes(left.time, right.time) || compareTimes(left.created, right.created) ||
      compareIris(a.node, b.node);
    return sign * compared;
  };
}
