/**
 * Accounting views: the figures of one crawl narrowed to a network, organization, project or
 * person and a period, each figure with the events and documents behind it.
 */
export type {
  AccountingView, BalanceFigure, ContributionFigure, Disagreement, FlowDirection, FlowFigure, HeldResource,
  PayoutFigure, Provenance,
} from './AccountingView.js';
export { AccountingViews, UnknownFigureError, UnknownScopeError } from './AccountingViews.js';
export type { ViewSource } from './AccountingViews.js';
export { eventTime, InvalidPeriodError, isInPeriod, modelForPeriod, parsePeriod, periodToJson, WHOLE_RECORD } from './Period.js';
export type { Period } from './Period.js';
export { ScopeTree } from './ScopeTree.js';
export type { Scope, ScopeKind, ScopeSources } from './ScopeTree.js';
