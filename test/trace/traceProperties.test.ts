import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ActionId, EconomicEvent, EconomicModel } from '../../src/model/index.js';
import { FlowGraph, trace, track } from '../../src/trace/index.js';
import type { TraceOrder } from '../../src/trace/index.js';
import { event, modelOf } from '../accounting/factories.js';

const BASE = 'https://gen.example/';

/** One generated step of an event history; indexes pick among the resources made so far. */
type Step =
  | { kind: 'raise' }
  | { kind: 'transfer'; from: number }
  | { kind: 'process'; inputs: { resource: number; action: 'consume' | 'use' | 'cite' }[]; work: boolean }
  | { kind: 'transport'; items: number[] }
  | { kind: 'correct'; target: number };

const resourceIndex = fc.nat({ max: 50 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'raise' }),
  fc.record({ kind: fc.constant('transfer' as const), from: resourceIndex }),
  fc.record({
    kind: fc.constant('process' as const),
    inputs: fc.array(fc.record({
      resource: resourceIndex,
      action: fc.constantFrom<'consume' | 'use' | 'cite'>('consume', 'use', 'cite'),
    }), { minLength: 1, maxLength: 3 }),
    work: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('transport' as const), items: fc.array(resourceIndex, { minLength: 1, maxLength: 2 }) }),
  fc.record({ kind: fc.constant('correct' as const), target: fc.nat({ max: 100 }) }),
);

/** Builds events from steps, each new node taking only earlier ones, so the history is a DAG in time. */
class HistoryBuilder {
  public readonly events: EconomicEvent[] = [];
  private resources = 0;
  private processes = 0;

  public constructor(private readonly dated: boolean) {}

  public apply(next: Step): void {
    if (next.kind === 'raise' || this.resources === 0) {
      this.add('raise', { resourceInventoriedAs: this.newResource() });
    } else if (next.kind === 'transfer') {
      this.add('transfer', { resourceInventoriedAs: this.pick(next.from), toResourceInventoriedAs: this.newResource() });
    } else if (next.kind === 'process') {
      const process = this.newProcess();
      for (const input of next.inputs) {
        this.add(input.action, { inputOf: process, resourceInventoriedAs: this.pick(input.resource) });
      }
      if (next.work) {
        this.add('work', { inputOf: process });
      }
      this.add('produce', { outputOf: process, resourceInventoriedAs: this.newResource() });
    } else if (next.kind === 'transport') {
      this.transport([...new Set(next.items.map((item) => this.pick(item)))]);
    } else {
      const target = this.events[next.target % this.events.length]!;
      this.add(target.action, { ...target, corrects: target.id });
    }
  }

  private transport(items: string[]): void {
    const process = this.newProcess();
    for (const item of items) {
      this.add('pickup', { inputOf: process, resourceInventoriedAs: item });
    }
    for (const item of items) {
      this.add('dropoff', { outputOf: process, resourceInventoriedAs: item });
    }
  }

  private add(action: ActionId, fields: Partial<EconomicEvent>): void {
    const id = `${BASE}event-${this.events.length}`;
    const minute = new Date(Date.UTC(2026, 0, 1, 0, this.events.length)).toISOString();
    const time = this.dated ? { hasPointInTime: minute } : {};
    this.events.push(event(id, action, { ...fields, id, ...time }));
  }

  private pick(index: number): string {
    return `${BASE}resource-${index % this.resources}`;
  }

  private newResource(): string {
    return `${BASE}resource-${this.resources++}`;
  }

  private newProcess(): string {
    return `${BASE}process-${this.processes++}`;
  }
}

const history = fc.record({
  steps: fc.array(step, { minLength: 1, maxLength: 25 }),
  dated: fc.boolean(),
  start: fc.nat(),
  order: fc.constantFrom<TraceOrder>('reference', 'plain'),
}).map(({ steps, dated, start, order }) => {
  const builder = new HistoryBuilder(dated);
  steps.forEach((next) => builder.apply(next));
  const model = modelOf({ events: builder.events });
  return { model, start: nodesOf(model)[start % nodesOf(model).length]!, order };
});

/** Returns every IRI a walk may start from: events, and the resources and processes they name. */
function nodesOf(model: EconomicModel): string[] {
  const graph = new FlowGraph(model);
  const named = [...model.events.values()].flatMap((found) =>
    [found.id, found.resourceInventoriedAs, found.toResourceInventoriedAs, found.inputOf, found.outputOf]);
  const known = named.filter((iri): iri is string => iri !== undefined && graph.kindOf(iri) !== undefined);
  return [...new Set(known)].sort();
}

describe('Track and trace under generated histories', () => {
  it('never lists a node twice.', () => {
    fc.assert(fc.property(history, ({ model, start, order }) => {
      for (const walk of [trace, track]) {
        const ids = walk(model, start, { order }).flows.map((flow) => flow.id);
        assert.equal(new Set(ids).size, ids.length);
        assert.equal(ids[0], start);
      }
    }), { numRuns: 300 });
  });

  it('tracks every traced node back to the start.', () => {
    fc.assert(fc.property(history, ({ model, start, order }) => {
      for (const { id } of trace(model, start, { order }).flows) {
        const tracked = track(model, id, { order }).flows.map((flow) => flow.id);
        assert.ok(tracked.includes(start), `track of [${id}] misses [${start}]`);
      }
    }), { numRuns: 300 });
  });

  it('traces every tracked node back to the start.', () => {
    fc.assert(fc.property(history, ({ model, start, order }) => {
      for (const { id } of track(model, start, { order }).flows) {
        const traced = trace(model, id, { order }).flows.map((flow) => flow.id);
        assert.ok(traced.includes(start), `trace of [${id}] misses [${start}]`);
      }
    }), { numRuns: 300 });
  });
});
