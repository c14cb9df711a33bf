import type { Problem } from '../model/index.js';
import { problemsToText, renderTextTable, shortenIri } from '../report/index.js';
import type { QuantityJson } from '../report/index.js';
import {
  agreementBalanceToJson, flowProgressToJson, needMatchesToJson, statusSummaryToJson,
} from './CoordinationJson.js';
import type {
  AgreementBalanceJson, FlowProgressJson, NeedMatchesJson, StatusSummaryJson,
} from './CoordinationJson.js';
import type { NetworkCoordination } from './NetworkCoordination.js';

/** The stable JSON contract of `oce status --json`. */
export interface StatusJson {
  now: string;
  scope: string | null;
  coordination: {
    flows: FlowProgressJson[];
    byPlan: StatusSummaryJson[];
    byAgent: StatusSummaryJson[];
    byScope: StatusSummaryJson[];
  };
  offersAndNeeds: NeedMatchesJson[];
  agreements: AgreementBalanceJson[];
  problems: Problem[];
}

/**
 * Builds the status report of a model at `now`, narrowed to `scope` when one is given: coordination
 * status, offers matched to needs, and agreement balances. Problems found while reading come first.
 */
export function statusToJson(
  coordination: NetworkCoordination, options: { now: string; scope?: string }, readProblems: Problem[] = [],
): StatusJson {
  const status = coordination.status({ now: options.now, scope: options.scope });
  return {
    now: options.now,
    scope: options.scope ?? null,
    coordination: {
      flows: status.flows.map(flowProgressToJson),
      byPlan: status.byPlan.map(statusSummaryToJson),
      byAgent: status.byAgent.map(statusSummaryToJson),
      byScope: status.byScope.map(statusSummaryToJson),
    },
    offersAndNeeds: coordination.offersAndNeeds(options.scope).map(needMatchesToJson),
    agreements: coordination.agreements(options.scope).map(agreementBalanceToJson),
    problems: [...readProblems, ...status.problems],
  };
}

/** Renders the status report as text tables: flows, summaries, offers and needs, agreements, problems. */
export function statusToText(status: StatusJson): string {
  const scope = status.scope === null ? '' : ` in ${status.scope}`;
  const flows = renderTextTable(
    ['flow', 'kind', 'action', 'status', 'quantity', 'met', 'remaining', 'due'],
    status.coordination.flows.map((flow) => [
      shortenIri(flow.id), flow.kind, flow.action, flow.status, quantityText(flow.quantity), flow.met, flow.remaining,
      flow.due ?? '-',
    ]),
  );
  const parts = [
    `Coordination status at ${status.now}${scope}`, flows,
    summaryTable('plan', status.coordination.byPlan),
    summaryTable('agent', status.coordination.byAgent),
    summaryTable('scope', status.coordination.byScope),
    'Offers and needs', needsTable(status.offersAndNeeds),
    'Agreements', agreementsTable(status.agreements),
    problemsToText(status.problems),
  ];
  return parts.filter((part) => part.length > 0).join('\n\n');
}

function summaryTable(heading: string, summaries: StatusSummaryJson[]): string {
  return renderTextTable([heading, 'done', 'late', 'partial', 'needed', 'remaining'], summaries.map((summary) => [
    shortenIri(summary.id), String(summary.counts.done), String(summary.counts.late), String(summary.counts.partial),
    String(summary.counts.needed),
    summary.remaining.map((total) => `${total.remaining} ${shortenIri(total.unit)} ` +
      shortenIri(total.resourceConformsTo ?? total.resourceInventoriedAs)).join(', ') || '-',
  ]));
}

function needsTable(needs: NeedMatchesJson[]): string {
  const rows = needs.flatMap((need) => {
    const first = [shortenIri(need.need), quantityText(need.quantity)];
    if (need.offers.length === 0) {
      return [[...first, '-', '-', '-', '-']];
    }
    return need.offers.map((offer, index) => [
      ...(index === 0 ? first : ['', '']), shortenIri(offer.offer), offer.matchedBy, quantityText(offer.quantity),
      offer.coverage,
    ]);
  });
  return renderTextTable(['need', 'quantity', 'offer', 'matched by', 'covers', 'coverage'], rows);
}

function agreementsTable(agreements: AgreementBalanceJson[]): string {
  const rows = agreements.flatMap((agreement) => (['primary', 'reciprocal'] as const).flatMap((sideName) =>
    agreement[sideName].totals.map((total) => [
      shortenIri(agreement.agreement), sideName, shortenIri(total.resourceConformsTo), shortenIri(total.unit),
      total.committed, total.realized, total.outstanding,
    ])));
  return renderTextTable(['agreement', 'side', 'specification', 'unit', 'committed', 'realized', 'outstanding'], rows);
}

function quantityText(quantity: QuantityJson | null): string {
  return quantity === null ? '-' : `${quantity.value} ${shortenIri(quantity.unit)}`;
}
