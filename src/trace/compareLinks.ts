import { DateTimeValue } from '../model/index.js';
import type { EconomicEvent } from '../model/index.js';
import type { FlowLink } from './FlowGraph.js';
import type { TraceDirection, TraceOrder } from './TraceResult.js';

/** Sort key of a node: its event time and `created` (null when absent or unreadable) and its IRI. */
interface TimeKey {
  time: DateTimeValue | null;
  created: DateTimeValue | null;
  iri: string;
}

function readTime(text: string | undefined): DateTimeValue | null {
  const time = text === undefined ? undefined : DateTimeValue.parse(text.trim());
  return time === undefined || time.hasExpandedYear ? null : time;
}

function eventTimeText(event: EconomicEvent): string | undefined {
  return event.hasPointInTime ?? event.hasEnd ?? event.hasBeginning;
}

/** Null sorts first, as an undated event sorts first in the accounting's replay order. */
function compareTimes(a: DateTimeValue | null, b: DateTimeValue | null): number {
  if (a === null || b === null) {
    return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  }
  return a.compare(b);
}

function compareIris(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** A comparator over neighbour links, with the time keys of events read once. */
export type LinkComparator = (a: FlowLink, b: FlowLink) => number;

/**
 * Returns the comparator that orders a node's neighbours.
 *
 * `reference`: events by event time (`hasPointInTime`, else `hasEnd`, else `hasBeginning`),
 * then `created`, then IRI in UTF-16 code-unit order, with a missing or unreadable time before
 * every time, which is the accounting engine's replay order. A resource or process neighbour
 * sorts as an event with neither time. Tracking uses this order as it is; tracing reverses it,
 * so the latest event comes first, as the upstream trace algorithm's descending sort intends.
 *
 * `plain`: IRIs in code-unit order, in both directions. `eventOf` finds the event of an IRI.
 */
export function compareLinks(
  order: TraceOrder,
  direction: TraceDirection,
  eventOf: (iri: string) => EconomicEvent | undefined,
): LinkComparator {
  if (order === 'plain') {
    return (a, b) => compareIris(a.node, b.node);
  }
  const keys = new Map<string, TimeKey>();
  const keyOf = (link: FlowLink): TimeKey => {
    let key = keys.get(link.node);
    if (key === undefined) {
      const event = link.kind === 'EconomicEvent' ? eventOf(link.node) : undefined;
      key = {
        time: event === undefined ? null : readTime(eventTimeText(event)),
        created: event === undefined ? null : readTime(event.created),
        iri: link.node,
      };
      keys.set(link.node, key);
    }
    return key;
  };
  const sign = direction === 'track' ? 1 : -1;
  return (a, b) => {
    const left = keyOf(a);
    const right = keyOf(b);
    const compared = compareTimes(left.time, right.time) || compareTimes(left.created, right.created) ||
      compareIris(left.iri, right.iri);
    return sign * compared;
  };
}
