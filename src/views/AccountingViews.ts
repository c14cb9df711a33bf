import { compareCodeUnits } from '../accounting/compareCodeUnits.js';
import type { EconomicEvent, EconomicModel, Problem, Process } from '../model/index.js';
import { FlowGraph, walkFlows } from '../trace/index.js';
import type { TraceDirection, TraceOptions, TraceResult } from '../trace/index.js';
import type { AccountingView, Provenance } from './AccountingView.js';
import { periodKey } from './Period.js';
import type { Period } from './Period.js';
import { computePeriodFigures } from './PeriodFigures.js';
import type { CountedEvent, PeriodFigures } from './PeriodFigures.js';
import {
  balanceFigures, contributionFigures, contributionTotals, flowFigures, heldResources, isEventWithin, payoutFigures,
} from './scopeFigures.js';
import type { Scope, ScopeKind } from './ScopeTree.js';
import type { ScopeTree } from './ScopeTree.js';

/** Raised when a view is asked for an agent no crawled data names, or of the wrong kind. */
export class UnknownScopeError extends Error {
  public constructor(public readonly scope: string, public readonly expectedKind?: ScopeKind,
    public readonly actualKind?: ScopeKind, public readonly parameter = 'id') {
    super(actualKind === undefined
      ? `No network, organization, project or person [${scope}] is named in the crawled data`
      : `Expected [${scope}] to be ${withArticle(expectedKind ?? 'scope')}, but it is ${withArticle(actualKind)}`);
    this.name = 'UnknownScopeError';
  }
}

/** Raised when a figure key names no figure of the view it is asked of. */
export class UnknownFigureError extends Error {
  public constructor(public readonly figure: string, scope: string) {
    super(`The view of [${scope}] has no figure [${figure}]; take the figure key from a provenance link`);
    this.name = 'UnknownFigureError';
  }
}

/** The input of the views: the trusted model of one crawl and the scope hierarchy. */
export interface ViewSource {
  model: EconomicModel;
  scopes: ScopeTree;
  /** Problems found while reading and checking the crawled data, shown in the views they concern. */
  problems: readonly Problem[];
}

/** How many periods' figures stay computed; views of other periods compute theirs again. */
const CACHED_PERIODS = 8;

/** How many computed views stay cached, across scopes and periods. */
const CACHED_VIEWS = 64;

/**
 * Accounting views of one crawl for any scope and period: the network-wide figures of a period are
 * computed once (inventory replay and contributions) and then narrowed to the scope and everything
 * below it. Each figure keeps the events behind it, so {@link eventsOf} can list them again.
 */
export class AccountingViews {
  private readonly periods = new Map<string, PeriodFigures>();
  private readonly views = new Map<string, AccountingView>();
  private flowGraph?: FlowGraph;

  public constructor(private readonly source: ViewSource) {}

  /** Returns the scope hierarchy of the crawl. */
  public get scopes(): ScopeTree {
    return this.source.scopes;
  }

  /** Returns the trusted model of the crawl, for readers such as planning that need its plan layer. */
  public get model(): EconomicModel {
    return this.source.model;
  }

  /** Returns the scope, checking its kind when one is given. */
  public scope(id: string, kind?: ScopeKind): Scope {
    const scope = this.source.scopes.get(id);
    if (scope === undefined) {
      throw new UnknownScopeError(id);
    }
    if (kind !== undefined && scope.kind !== kind) {
      throw new UnknownScopeError(id, kind, scope.kind);
    }
    return scope;
  }

  /** Returns the view of a scope for a period, computed once and then kept while it is used. */
  public view(id: string, period: Period, kind?: ScopeKind): AccountingView {
    this.scope(id, kind);
    const key = JSON.stringify([id, periodKey(period)]);
    return remember(this.views, key, CACHED_VIEWS, () => this.computeView(id, period));
  }

  private computeView(id: string, period: Period): AccountingView {
    const scope = this.scope(id);
    const within = this.source.scopes.within(id);
    const figures = this.figures(period);
    const events = figures.events.filter((event) => isEventWithin(event, within, figures.model));
    const inventory = heldResources(figures, within);
    const contributions = contributionFigures(figures, within);
    const flows = flowFigures(figures, within);
    const subjects = new Set([...events.map(({ event }) => event.id), ...inventory.map((resource) => resource.id)]);
    const problems = [...this.source.problems, ...figures.inventory.problems, ...figures.contributions.problems]
      .filter((found) => found.subject !== null && subjects.has(found.subject));
    return {
      scope,
      includes: [...within].sort(compareCodeUnits),
      period,
      inventory,
      contributions,
      contributionTotals: contributionTotals(contributions, figures),
      flows,
      balances: balanceFigures(flows, figures),
      payouts: payoutFigures(figures, within),
      counts: { events: events.length, processes: this.processesOf(id, period).length },
      problems: dropRepeats(problems),
    };
  }

  /**
   * Lists the accepted events of a scope's view in replay order. With a figure key, it lists only
   * the events behind that figure.
   */
  public eventsOf(id: string, period: Period, figure?: string, kind?: ScopeKind): EconomicEvent[] {
    const figures = this.figures(period);
    if (figure !== undefined) {
      const provenance = findProvenance(this.view(id, period, kind), figure);
      return provenance.events.flatMap((event) => figures.model.events.get(event) ?? []);
    }
    this.scope(id, kind);
    const within = this.source.scopes.within(id);
    return figures.events.filter((event) => isEventWithin(event, within, figures.model)).map(({ event }) => event);
  }

  /**
   * Lists the processes of a scope's view, sorted by IRI: those its events of the period are
   * inputs or outputs of, and over the whole record also those in scope of the scope or below it.
   */
  public processesOf(id: string, period: Period, kind?: ScopeKind): Process[] {
    this.scope(id, kind);
    const within = this.source.scopes.within(id);
    const figures = this.figures(period);
    const ids = new Set<string>();
    const wholeRecord = period.from === null && period.to === null;
    for (const process of wholeRecord ? figures.model.processes.values() : []) {
      if (process.inScopeOf.some((scope) => within.has(scope))) {
        ids.add(process.id);
      }
    }
    for (const counted of figures.events) {
      const process = counted.base.inputOf ?? counted.base.outputOf;
      if (process !== undefined && isEventWithin(counted, within, figures.model)) {
        ids.add(process);
      }
    }
    return [...ids].sort(compareCodeUnits).flatMap((process) => figures.model.processes.get(process) ?? []);
  }

  /**
   * Follows value flows from an event, resource or process: backward for `trace`, forward for
   * `track` (see `walkFlows`). The flow graph is built on the first call and kept.
   */
  public flows(direction: TraceDirection, start: string, options: TraceOptions = {}): TraceResult {
    this.flowGraph ??= new FlowGraph(this.source.model);
    return walkFlows(this.flowGraph, start, direction, options);
  }

  /** Returns the name of a resource or process, or the action of an event, for labels. */
  public labelOf(id: string): string | null {
    const { model } = this.source;
    return model.resources.get(id)?.name ?? model.processes.get(id)?.name ?? model.events.get(id)?.action ?? null;
  }

  /** Returns an event of the crawl (one the trust rule kept), or undefined. */
  public event(id: string): EconomicEvent | undefined {
    return this.source.model.events.get(id);
  }

  /** Lists the events that correct the given one, sorted by IRI. */
  public correctionsOf(id: string): EconomicEvent[] {
    return [...this.source.model.events.values()].filter((event) => event.corrects === id)
      .sort((a, b) => compareCodeUnits(a.id, b.id));
  }

  private figures(period: Period): PeriodFigures {
    const { scope } = period;
    if (scope !== null && this.source.scopes.get(scope) === undefined) {
      throw new UnknownScopeError(scope, undefined, undefined, 'scope');
    }
    const filter = scope === null ? new Set<string>() : this.source.scopes.within(scope);
    const isInScope = (event: CountedEvent): boolean =>
      scope === null || isEventWithin(event, filter, this.source.model);
    const compute = (): PeriodFigures => computePeriodFigures(this.source.model, period, isInScope);
    return remember(this.periods, periodKey(period), CACHED_PERIODS, compute);
  }
}

/** Returns the cached value of `key`, computing it when absent; beyond `size`, the least recently used goes. */
function remember<T>(cache: Map<string, T>, key: string, size: number, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= size) {
      cache.delete(cache.keys().next().value as string);
    }
  } else {
    cache.delete(key);
  }
  cache.set(key, value);
  return value;
}

function findProvenance(view: AccountingView, figure: string): Provenance {
  const all = [
    ...view.inventory, ...view.contributions, ...view.contributionTotals, ...view.flows, ...view.balances,
    ...view.payouts,
  ].map((item) => item.provenance);
  const found = all.find((provenance) => provenance.figure === figure);
  if (found === undefined) {
    throw new UnknownFigureError(figure, view.scope.id);
  }
  return found;
}

function withArticle(kind: string): string {
  return `${/^[aeiou]/u.test(kind) ? 'an' : 'a'} ${kind}`;
}

function dropRepeats(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((found) => {
    const key = JSON.stringify(found);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}
