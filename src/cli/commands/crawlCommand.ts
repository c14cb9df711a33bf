import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ConfigError, addConfigOptions, readCommandConfig } from '../../config/index.js';
import type { AggregatorConfig } from '../../config/index.js';
import { podProblems, publishCrawlReport } from '../../crawler/index.js';
import type { CrawlProgress, CrawlReportJson, PodCrawlReport } from '../../crawler/index.js';
import { problemsToText, renderTextTable } from '../../report/index.js';
import { createNetworkCrawler } from '../../service/index.js';
import { ClientCredentialsSession } from '../../solid/index.js';
import { setLogLevel } from '../../util/index.js';
import { CommandFailedError, ExitCode, processIo } from '../CliIo.js';
import type { CliIo } from '../CliIo.js';

/**
 * Adds `oce crawl --config FILE [flags] [--json]`, which crawls the configured networks once with
 * a progress bar on a terminal's standard error. It prints a summary table per pod and the
 * problems, or the JSON crawl report. Exits 0 when the crawl ran (failed pods included), 1 when
 * it could not run (login failed, no root reachable), 2 when the configuration is invalid.
 */
export function addCrawlCommand(program: Command, io: CliIo, env: NodeJS.ProcessEnv = process.env): void {
  const command = program
    .command('crawl')
    .description('crawl the configured networks once and print a report per pod')
    .option('--json', 'print the crawl report as JSON instead of tables')
    .option('--publish <url>', 'also write the crawl report as Turtle to this URL, such as a document in the network pod');
  addConfigOptions(command).action(async (options: Record<string, unknown>) => {
    const config = await readConfigForCommand(options, env);
    const bar = io === processIo && process.stderr.isTTY ? new CrawlProgressBar() : undefined;
    const publishTo = typeof options.publish === 'string' ? options.publish : undefined;
    await withAggregatorSession(config, async (session) => {
      const onProgress = (progress: CrawlProgress): void => bar?.update(progress);
      const { crawler, crawlerFetch } = createNetworkCrawler(config, session.fetch, { onProgress });
      let report: CrawlReportJson;
      try {
        report = (await crawler.crawl()).report;
      } finally {
        bar?.stop();
      }
      if (unreachableRoots(report).length === report.roots.length) {
        throw new CommandFailedError(`No network root could be read: ${describeRootFailures(report)}`, ExitCode.failed);
      }
      io.stdout(options.json === true ? JSON.stringify(report, null, 2) : renderCrawlSummary(report));
      if (publishTo !== undefined) {
        await publishCrawlReport(report, publishTo, crawlerFetch);
        io.stderr(`Wrote the crawl report to ${publishTo}`);
      }
    });
  });
}

/** Reads and validates the configuration and applies its log level; an invalid one ends with exit code 2. */
export async function readConfigForCommand(
  options: Record<string, unknown>, env: NodeJS.ProcessEnv,
): Promise<AggregatorConfig> {
  try {
    const config = await readCommandConfig(options, env);
    setLogLevel(config.logLevel);
    return config;
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      throw new CommandFailedError(error.message, ExitCode.usage);
    }
    throw error;
  }
}

/** Logs the aggregator in with the configured client credentials, runs `work`, and always logs out. */
export async function withAggregatorSession<T>(
  config: AggregatorConfig, work: (session: ClientCredentialsSession) => Promise<T>,
): Promise<T> {
  const session = await loginAggregator(config);
  try {
    return await work(session);
  } finally {
    await session.logout();
  }
}

/** Logs the aggregator in; a failed login ends the command with exit code 1 and the cause. */
export async function loginAggregator(config: AggregatorConfig): Promise<ClientCredentialsSession> {
  const { issuer, clientId, clientSecret } = config.credentials;
  try {
    return await ClientCredentialsSession.login({ clientId, clientSecret, oidcIssuer: issuer });
  } catch (error: unknown) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const message = error instanceof Error ? error.message : String(error);
    throw new CommandFailedError(`${message}${cause}. Check the issuer and the client credentials.`, ExitCode.failed);
  }
}

/** Returns the root pods whose profile could not be read at all. */
export function unreachableRoots(report: CrawlReportJson): PodCrawlReport[] {
  return report.pods.filter((pod) => report.roots.includes(pod.webId) && pod.storage === null &&
    pod.typeIndexes.length === 0 && pod.errors.length > 0);
}

function describeRootFailures(report: CrawlReportJson): string {
  return unreachableRoots(report).map((pod) => `[${pod.webId}] ${pod.errors[0]?.message ?? ''}`).join('; ');
}

/**
 * Renders the crawl report as text: one row per pod (seen, loaded, unchanged, rejected, failed,
 * coverage, duration, stale since), a totals row, then the problems.
 */
export function renderCrawlSummary(report: CrawlReportJson): string {
  const row = (name: string, pod: Omit<PodCrawlReport, 'webId'> | null, counts: CountColumns): string[] => [
    name, String(counts.seen), String(counts.loaded), String(counts.unchanged), String(counts.rejected),
    String(counts.failed), formatCoverage(counts.coverage), formatSeconds(pod?.durationMs ?? report.durationMs),
    pod === null ? `${report.totals.stalePods} pods` : formatStale(pod),
  ];
  const table = renderTextTable(
    ['pod', 'seen', 'loaded', 'unchanged', 'rejected', 'failed', 'coverage', 'duration', 'stale'],
    [...report.pods.map((pod) => row(pod.webId, pod, pod)), row(`total (${report.totals.pods} pods)`, null, report.totals)],
  );
  const allProblems = [...report.pods.flatMap(podProblems), ...report.problems];
  const problems = allProblems.length === 0 ? 'No problems found.'
    : `Problems found (${allProblems.length})\n${problemsToText(allProblems)}`;
  const roots = report.roots.length === 1 ? '1 network root' : `${report.roots.length} network roots`;
  return `Crawl of ${roots} finished at ${report.crawledAt}\n${table}\n\n${problems}`;
}

type CountColumns = Pick<PodCrawlReport, 'seen' | 'loaded' | 'unchanged' | 'rejected' | 'failed' | 'coverage'>;

/** Shows a coverage ratio of four decimals as a percentage with one decimal, computed on the digits. */
function formatCoverage(coverage: number): string {
  const tenthsOfPercent = Math.round(coverage * 1000);
  return `${Math.floor(tenthsOfPercent / 10)}.${tenthsOfPercent % 10} %`;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function formatStale(pod: Pick<PodCrawlReport, 'stale'>): string {
  if (pod.stale === null) {
    return '-';
  }
  return pod.stale.since === null ? 'yes, never complete' : `since ${pod.stale.since}`;
}

/** A progress bar of pods crawled out of pods discovered so far, on standard error. */
class CrawlProgressBar {
  private readonly bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: 'crawling {bar} {value}/{total} pods | {pod}',
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  private started = false;

  public update(progress: CrawlProgress): void {
    if (!this.started) {
      this.bar.start(progress.total, 0, { pod: '' });
      this.started = true;
    }
    this.bar.setTotal(progress.total);
    this.bar.update(progress.done, { pod: progress.pod });
  }

  public stop(): void {
    if (this.started) {
      this.bar.stop();
    }
  }
}
