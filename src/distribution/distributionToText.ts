import { renderTextTable, shortenIri } from '../report/index.js';
import type { DistributionJson, DistributionLineJson } from './distributionToJson.js';

/**
 * Renders a run as text: one table with a row per member and rule of each bucket (hours, value,
 * share, payout), then the payouts per agent, the undistributed amount, each sub-network's own
 * run and the notes. IRIs under `base` are shown relative to it.
 */
export function distributionToText(report: DistributionJson, base?: string): string {
  const short = (iri: string | null): string => shortenIri(iri, base);
  const rows = report.buckets.flatMap((bucket) => bucket.lines.map((line) => [
    bucket.label ?? short(bucket.id), short(line.agent), ruleName(line, short),
    line.hours, line.value, line.share, line.payout, line.limit ?? '',
  ]));
  const sections = [
    `Distribution of ${report.amount}${report.currency === null ? '' : ` ${short(report.currency)}`} by ` +
      `${short(report.equation)}`,
    renderTextTable(['bucket', 'agent', 'rule', 'hours', 'value', 'share', 'payout', 'limit'], rows),
    renderTextTable(['agent', 'payout'], report.payouts.map((payout) => [short(payout.agent), payout.amount])),
    `undistributed: ${report.undistributed}`,
  ];
  for (const sub of report.subDistributions) {
    sections.push(`Sub-network ${short(sub.agent)}:\n${distributionToText(sub.result, base)}`);
  }
  if (report.notes.length > 0) {
    sections.push(['notes:', ...report.notes.map((text) => `- ${text}`)].join('\n'));
  }
  return sections.join('\n\n');
}

/** Names a line's rule by its label, else its IRI; a blank node rule without a label has no name to show. */
function ruleName(line: DistributionLineJson, short: (iri: string) => string): string {
  if (line.rule === null) {
    return 'fixed share';
  }
  return line.ruleLabel ?? (line.rule.startsWith('_:') ? 'unnamed rule' : short(line.rule));
}
