import type { ContributionResult } from '../accounting/index.js';
import { formatDecimal } from '../model/index.js';
import type { Problem } from '../model/index.js';
import { shortenIri } from './IriShortener.js';
import { problemsToText } from './InventoryReport.js';
import { renderTextTable } from './TextTable.js';

/** One summed contribution as JSON: the quantity is a canonical decimal string. */
export interface ContributionLineJson {
  kind: string;
  unit: string;
  /**
   * The ResourceSpecification amounts are summed per: the currency for money, the resource's
   * specification for a resource, null for other kinds.
   */
  specification: string | null;
  quantity: string;
  scope?: string | null;
  process?: string | null;
  events: string[];
}

/** The JSON document of `oce contributions --json` and of the service's contributions answer. */
export interface ContributionsJson {
  agents: { agent: string; totals: ContributionLineJson[]; lines: ContributionLineJson[] }[];
  problems: Problem[];
}

/** Builds the JSON document of a contribution result, with the problems found while reading first. */
export function contributionsToJson(result: ContributionResult, readProblems: Problem[] = []): ContributionsJson {
  return {
    agents: result.agents.map((entry) => ({
      agent: entry.agent,
      totals: entry.totals.map((total) => ({
        kind: total.kind,
        unit: total.unit,
        specification: total.specification,
        quantity: formatDecimal(total.quantity),
        events: total.events,
      })),
      lines: entry.lines.map((line) => ({
        kind: line.kind,
        unit: line.unit,
        specification: line.specification,
        quantity: formatDecimal(line.quantity),
        scope: line.scope,
        process: line.process,
        events: line.events,
      })),
    })),
    problems: [...readProblems, ...result.problems],
  };
}

function unitText(total: ContributionLineJson, base: string | undefined): string {
  if (total.specification === null) {
    return shortenIri(total.unit, base);
  }
  if (total.kind === 'money') {
    return shortenIri(total.specification, base);
  }
  return `${shortenIri(total.unit, base)} of ${shortenIri(total.specification, base)}`;
}

/**
 * Renders each agent's totals per kind and unit as a readable table followed by the problems.
 * Money shows its currency in place of the unit, and a resource shows its specification after
 * the unit. IRIs under `base` are shown relative to it.
 */
export function contributionsToText(report: ContributionsJson, base?: string): string {
  const rows = report.agents.flatMap((entry) =>
    entry.totals.map((total) => [
      shortenIri(entry.agent, base),
      total.kind,
      total.quantity,
      unitText(total, base),
      String(total.events.length),
    ]));
  const table = renderTextTable(['agent', 'kind', 'quantity', 'unit', 'events'], rows);
  return [table, problemsToText(report.problems)].filter((part) => part.length > 0).join('\n\n');
}
