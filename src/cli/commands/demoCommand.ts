import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { Demo } from '../../demo/index.js';
import { distributionToJson, distributionToText } from '../../distribution/index.js';
import type { DemoResult, ImportedFile } from '../../demo/index.js';
import { formatDecimal } from '../../model/index.js';
import type { Problem } from '../../model/index.js';
import type { CoordinationStatus } from '../../planning/index.js';
import {
  contributionsToText, inventoryToText, problemsToText, renderTextTable, shortenIri,
} from '../../report/index.js';
import { PortInUseError } from '../../service/index.js';
import { getLogLevel, setLogLevel } from '../../util/index.js';
import { CommandFailedError } from '../CliIo.js';
import type { CliIo } from '../CliIo.js';
import { renderCrawlSummary } from './crawlCommand.js';

/** Parses a TCP port option: an integer from 0 (any free port) to 65535. */
export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/u.test(text) || port > 65535) {
    throw new InvalidArgumentError(`Expected a port number from 0 to 65535, got [${text}]`);
  }
  return port;
}

/**
 * Adds `oce demo [--once] [--port N] [--examples DIR]`: the whole main job on an in-process Solid
 * server, printing the network figures and serving them as JSON until interrupted.
 */
export function addDemoCommand(program: Command, io: CliIo, waitForStop: () => Promise<void>): void {
  program
    .command('demo')
    .description('run a seeded network on an in-process Solid server, crawl it and serve the figures')
    .option('--once', 'exit after printing the figures instead of serving them')
    .option('--port <port>', 'port of the JSON service on 127.0.0.1 (0 picks a free port)', parsePort, 3100)
    .option('--examples <dir>', 'folder of upstream ValueFlows YAML-LD examples to import')
    .action(async (options: { once?: boolean; port: number; examples?: string }) => {
      const demo = new Demo();
      const restoreLogLevel = quietDemoLogs();
      try {
        // Bind the port first, so a taken one fails at once instead of after the setup.
        const url = options.once ? undefined : await serveDemo(demo, options.port);
        io.stdout('Starting the Solid server and setting up the demo network (about 25 seconds)...');
        const result = await demo.start(options.examples === undefined ? {} : { examplesFolder: options.examples });
        io.stdout(renderDemoResult(result));
        if (url === undefined) {
          return;
        }
        io.stdout(renderServiceLinks(url, result));
        io.stdout('Press Ctrl+C to stop.');
        await waitForStop();
      } finally {
        await demo.stop();
        restoreLogLevel();
      }
    });
}

/**
 * Sets the log level to `error` unless `OCE_LOG_LEVEL` sets one, because the demo prints the
 * problems of the import, the crawl and the figures in its own sections, and warn lines would
 * repeat them as JSON. Returns a function that restores the previous level.
 */
export function quietDemoLogs(): () => void {
  if (process.env.OCE_LOG_LEVEL !== undefined) {
    return () => undefined;
  }
  const previous = getLogLevel();
  setLogLevel('error');
  return () => setLogLevel(previous);
}

/** Starts the demo's JSON service, turning a taken port into a message that names it. */
async function serveDemo(demo: Demo, port: number): Promise<string> {
  try {
    return await demo.serve(port);
  } catch (error: unknown) {
    if (error instanceof PortInUseError) {
      throw new CommandFailedError(`${error.message}; stop the other process or pass --port`);
    }
    throw error;
  }
}

/**
 * Renders the service's entry points: the views of the network and its project, the status of the
 * demo's plan at the instant the printed status uses, the API description and SPARQL.
 */
export function renderServiceLinks(url: string, result: DemoResult): string {
  const base = url.replace(/\/$/u, '');
  const project = result.snapshot.views.scopes.all().find((scope) => scope.kind === 'project');
  const { plan, now } = result.plan;
  const lines = [
    `\nServing the network at ${url}`,
    `  network view:   ${base}/api/views/network`,
    ...(project === undefined ? [] : [`  project view:   ${base}/api/views/project?id=${encodeURIComponent(project.id)}`]),
    `  plan status:    ${base}/api/coordination?plan=${encodeURIComponent(plan.id)}&now=${encodeURIComponent(now)}`,
    `  all scopes:     ${base}/api/scopes`,
    `  API (OpenAPI):  ${base}/api/openapi.json`,
    `  SPARQL:         ${base}/sparql`,
    `  crawl report:   ${base}/crawl`,
  ];
  return lines.join('\n');
}

/** Renders what the demo set up and computed, section by section. */
export function renderDemoResult(result: DemoResult): string {
  const { network, snapshot } = result;
  const base = result.solidBaseUrl;
  const pods = renderTextTable(['pod', 'WebID'], [network.network, ...network.members].map((account) => [
    account.podUrl, account.webId,
  ]));
  const imports = renderTextTable(['member', 'file', 'events', 'documents', 'problems'],
    network.imports.map((entry) => [
      entry.member,
      entry.file,
      String(entry.eventsRecorded),
      String(entry.documentsWritten),
      String(entry.problems.length),
    ]));
  const sections = [
    `Solid server: ${base}`,
    `Network pods\n${pods}`,
    `Aggregator WebID: ${network.aggregator.webId}`,
    `Imported into the pods\n${imports}`,
    renderImportProblems(network.imports),
    network.missingExamples.length > 0
      ? `Upstream examples not found in [${network.examplesFolder}], so these were not imported: `
        + network.missingExamples.join(', ')
      : '',
    renderCrawlSummary(snapshot.report),
    `Network inventory (IRIs relative to ${base})\n${inventoryToText({ ...snapshot.inventory, problems: [] }, base)}`,
    `Contributions per member\n${contributionsToText({ ...snapshot.contributions, problems: [] }, base)}`,
    renderAccountingProblems(snapshot.inventory.problems, snapshot.contributions.problems),
    renderDistribution(result),
    renderPlan(result),
    renderTimings(result),
  ];
  return sections.filter((section) => section.length > 0).join('\n\n');
}

/** Renders the dry run's explanation, then the committed run's payouts and the notices sent to payees. */
export function renderDistribution(result: DemoResult): string {
  const base = result.solidBaseUrl;
  const short = (iri: string | null): string => shortenIri(iri, base);
  const { dryRun, committed } = result.distribution;
  const { run, payouts } = committed.written;
  const scale = committed.result.scale;
  const written = renderTextTable(['agent', 'payout', 'transfer'], payouts.map((payout) => [
    short(payout.agent), payout.amount.toFixed(scale), short(payout.event),
  ]));
  const kept = committed.result.payouts.find((payout) => payout.agent === run.distributor)?.amount.toFixed(scale);
  const notices = renderTextTable(['agent', 'notice'], committed.notices.map((notice) => [
    short(notice.agent), notice.status === 'notified' ? `notified at ${short(notice.notice)}` : notice.status,
  ]));
  return [
    `Dry run of the network's value equation (nothing written)\n${distributionToText(distributionToJson(dryRun), base)}`,
    `Committed run ${short(run.id)} at ${run.runTime.toISOString()}, undistributed ` +
      `${committed.result.undistributed.toFixed(scale)}\n${written}` +
      (kept === undefined ? '' : `\nKept by ${short(run.distributor)} without a transfer: ${kept}`),
    `Payout notices\n${notices}`,
  ].join('\n\n');
}

/**
 * Renders the demo's plan: what it makes and from what, then the status of its commitments before
 * and after Ada's work, one row per commitment.
 */
export function renderPlan(result: DemoResult): string {
  const base = result.solidBaseUrl;
  const { plan, written, work, fulfilled, now, before, after } = result.plan;
  const demand = plan.demands[0];
  const process = plan.processes[0];
  const production = process === undefined ? 'no process planned' :
    `made by ${shortenIri(process.id, base)} from ${process.hasBeginning} to ${process.hasEnd}`;
  const summary = demand === undefined ? '' : `\nDemand of ${formatDecimal(demand.quantity.value)} ` +
    `${shortenIri(demand.resourceConformsTo, base)}: ${formatDecimal(demand.fromInventory)} from inventory, ` +
    `${formatDecimal(demand.remaining)} ${production}`;
  const commitments = shortenIri(written.commitments, base);
  return [
    `Plan "${plan.name ?? plan.id}" ${shortenIri(plan.id, base)}, due ${plan.due}, written to the woodshop's pod${summary}`,
    `Status at ${now} before any work (commitments in ${commitments})\n${planStatusTable(before, written.commitments)}`,
    `Status at ${now} after ${shortenIri(work.eventIri, base)} fulfilled ${shortenIri(fulfilled, `${written.commitments}#`)}` +
      `\n${planStatusTable(after, written.commitments)}`,
  ].join('\n\n');
}

/** Renders one row per commitment of a plan's status, its IRI shown relative to the commitments document. */
function planStatusTable(status: CoordinationStatus, commitments: string): string {
  return renderTextTable(['commitment', 'action', 'quantity', 'fulfilled', 'remaining', 'status'],
    status.flows.map((flow) => [
      shortenIri(flow.id, `${commitments}#`),
      flow.action,
      flow.quantity === undefined ? '-' : `${formatDecimal(flow.quantity.value)} ${shortenIri(flow.quantity.unit)}`,
      formatDecimal(flow.met),
      formatDecimal(flow.remaining),
      flow.status,
    ]));
}

/** Renders how long each step of the demo's start took. */
function renderTimings(result: DemoResult): string {
  const { timings } = result;
  const seconds = (milliseconds: number): string => (milliseconds / 1000).toFixed(1);
  return `Started in ${seconds(timings.total)} s: Solid server ${seconds(timings.solidServer)} s, pods ` +
    `${seconds(timings.setUp)} s, crawl ${seconds(timings.crawl)} s, distribution ${seconds(timings.distribution)} s, ` +
    `plan ${seconds(timings.plan)} s, recrawl ${seconds(timings.recrawl)} s`;
}

/**
 * Renders the problems found while computing the figures, each once, because inventory and
 * contributions both report the events they left out. The crawl summary lists the crawl's own.
 */
export function renderAccountingProblems(inventoryProblems: Problem[], contributionProblems: Problem[]): string {
  const problems = uniqueProblems([...inventoryProblems, ...contributionProblems]);
  if (problems.length === 0) {
    return 'No accounting problems found.';
  }
  return `Accounting problems found (${problems.length})\n${problemsToText(problems)}`;
}

/**
 * Renders the problems of the import table's rows under the member and file that each row names,
 * leaving out the source path that the heading already gives.
 */
export function renderImportProblems(imports: ImportedFile[]): string {
  const files = imports.filter((entry) => entry.problems.length > 0);
  if (files.length === 0) {
    return '';
  }
  const groups = files.map((entry) => {
    const problems = uniqueProblems(entry.problems).map((found) => ({ ...found, source: null }));
    const lines = problemsToText(problems).split('\n');
    return [`${entry.member} ${entry.file}`, ...lines.map((line) => `  ${line}`)].join('\n');
  });
  return `Problems found while importing, by file\n${groups.join('\n')}`;
}

/** Returns the problems without repeats, keeping the first of equal ones in order. */
function uniqueProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((found) => {
    const key = JSON.stringify([found.severity, found.message, found.subject, found.source]);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
