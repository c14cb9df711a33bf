import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { snapshotOf, StoreSynchronizer } from '../aggregator/index.js';
import type { NetworkSnapshot } from '../aggregator/index.js';
import { NetworkCrawler } from '../crawler/index.js';
import type { DistributionResult } from '../distribution/index.js';
import {
  CommittedDistribution, distributionDataOf, DistributionRunWriter, PayoutNotifier, runEquation,
} from '../distribution/run/index.js';
import type { CommittedRunResult, DistributionData, RunRequest } from '../distribution/run/index.js';
import { parseDecimal } from '../model/index.js';
import type { NetworkCrawlResult } from '../crawler/index.js';
import { createServiceApp, listenOn } from '../service/index.js';
import type { DistributionRouteOptions } from '../service/api/distributionRoutes.js';
import { createSparqlRouter } from '../sparql/index.js';
import { OxigraphStore } from '../store/index.js';
import { SolidServer } from '../solid/index.js';
import { getLogger } from '../util/index.js';
import { DemoNetworkBuilder } from './DemoNetworkBuilder.js';
import type { DemoNetwork } from './DemoNetworkBuilder.js';
import { DEMO_DISTRIBUTION, DEMO_PLAN } from './DemoNetworkPlan.js';
import { DemoPlanning, planStatus } from './DemoPlanning.js';
import type { DemoPlan, WrittenDemoPlan } from './DemoPlanning.js';

const logger = getLogger('Demo');

/** Options of {@link Demo.start}. */
export interface DemoOptions {
  /** Folder of upstream ValueFlows examples; the default is the shared reference folder beside the checkout. */
  examplesFolder?: string;
  /** Port of the Solid server on 127.0.0.1; a free one when absent. */
  solidPort?: number;
}

/** The demo's distribution of income: the request, its dry run, and the committed run. */
export interface DemoDistribution {
  request: RunRequest;
  dryRun: DistributionResult;
  committed: CommittedRunResult;
}

/** Wall-clock milliseconds of each step of {@link Demo.start}. */
export interface DemoTimings {
  solidServer: number;
  setUp: number;
  crawl: number;
  distribution: number;
  /** Exploding and writing the plan, reading it back, and recording the work that fulfills it. */
  plan: number;
  recrawl: number;
  total: number;
}

/** Accounts and figures of one demo run, for the CLI to print. */
export interface DemoResult {
  solidBaseUrl: string;
  network: DemoNetwork;
  /** The figures of the crawl after the committed run and the work event, so they include both. */
  snapshot: NetworkSnapshot;
  /** The crawl the snapshot was computed from. */
  crawl: NetworkCrawlResult;
  distribution: DemoDistribution;
  plan: DemoPlan;
  timings: DemoTimings;
}

/**
 * The whole main job in one process: an in-process Community Solid Server, the seeded demo
 * network, one crawl by the aggregator, and the HTTP service publishing the figures and the
 * crawled documents through a SPARQL endpoint.
 */
export class Demo {
  private solid?: SolidServer;
  private network?: DemoNetwork;
  private service?: Server;
  private snapshot?: NetworkSnapshot;
  private data?: DistributionData;
  private committer?: CommittedDistribution;
  /**
   * The aggregated graph behind `/sparql`: one named graph per crawled document plus the derived
   * graphs. Queries run in a worker thread, so the endpoint's time limit holds.
   */
  public readonly store = new OxigraphStore({ queryWorker: true });

  /**
   * Starts the Solid server, sets up the network and crawls it. Then it runs the network's value
   * equation on the demo income, first as a dry run and then committed to the network's pod. The
   * woodshop plans a batch of stools in its pod, and the aggregator reads the plan back for the
   * status before any work. Ada records work that fulfills part of the plan, and one recrawl brings
   * in both the payouts and her work.
   */
  public async start(options: DemoOptions = {}): Promise<DemoResult> {
    const clock = new StepClock();
    this.solid = await SolidServer.start(options.solidPort === undefined ? {} : { port: options.solidPort });
    const solidServer = clock.lap();
    this.network = await new DemoNetworkBuilder(this.solid.baseUrl, options.examplesFolder).build();
    const setUp = clock.lap();

    const { fetch } = this.network.aggregatorSession;
    const crawler = new NetworkCrawler({ roots: [this.network.network.webId], fetcher: fetch });
    const first = await crawler.crawl();
    const firstData = distributionDataOf(first);
    const crawl = clock.lap();
    const distribution = await this.distribute(this.network, firstData);
    const distributed = clock.lap();

    // The status before the work comes from the plan as the aggregator reads it from the pod.
    const planning = new DemoPlanning(this.network, this.solid.baseUrl);
    const written = await planning.writePlan(firstData.model);
    const before = await this.statusBeforeWork(crawler, written);
    const { work, fulfilled } = await planning.recordWork(written.plan);
    const planned = clock.lap();

    // One recrawl brings in the payouts and Ada's work.
    const result = await crawler.crawl();
    const snapshot = snapshotOf(result);
    const after = planStatus(snapshot.views.model, written.plan.id, DEMO_PLAN.now, snapshot.views.scopes);
    await new StoreSynchronizer(this.store).sync(result.documents, snapshot.derivedGraphs);
    const recrawl = clock.lap();

    logger.info({ members: snapshot.members.length, resources: snapshot.inventory.resources.length }, 'Demo crawl done');
    this.snapshot = snapshot;
    this.data = distributionDataOf(result, snapshot.views.model);
    return {
      solidBaseUrl: this.solid.baseUrl, network: this.network, snapshot, crawl: result, distribution,
      plan: { ...written, work, fulfilled, now: DEMO_PLAN.now, before, after },
      timings: {
        solidServer, setUp, crawl, distribution: distributed, plan: planned, recrawl, total: clock.total(),
      },
    };
  }

  /**
   * Refetches the plan's two documents as the aggregator, as it would after a change notification,
   * and computes the plan's status from that view. This costs two requests, so the demo runs only
   * one full recrawl, after both the committed run and the work event. Throws when a refetch fails.
   */
  private async statusBeforeWork(crawler: NetworkCrawler, written: WrittenDemoPlan): Promise<DemoPlan['before']> {
    const documents: string[] = [written.written.plan, written.written.commitments];
    const view = await crawler.refetch(documents);
    const failures = view.report.problems.filter((found) => found.source !== null && documents.includes(found.source));
    if (failures.length > 0) {
      throw new Error(`Expected the aggregator to read the demo plan back from the woodshop's pod, but the ` +
        `refetch failed: ${failures.map((found) => found.message).join(' | ')}`);
    }
    return planStatus(distributionDataOf(view).model, written.plan.id, DEMO_PLAN.now);
  }

  /** Runs the demo income through the network's equation: a dry run, then a committed run by the aggregator. */
  private async distribute(network: DemoNetwork, data: DistributionData): Promise<DemoDistribution> {
    const pod = network.network.podUrl;
    const request: RunRequest = {
      equation: new URL(DEMO_DISTRIBUTION.equation, pod).href,
      amount: parseDecimal(DEMO_DISTRIBUTION.amount),
      currency: new URL(DEMO_DISTRIBUTION.currency, pod).href,
      scale: DEMO_DISTRIBUTION.scale,
    };
    const dryRun = runEquation(data, request);
    const { fetch } = network.aggregatorSession;
    this.committer = new CommittedDistribution(
      new DistributionRunWriter({ fetch, storage: pod }), new PayoutNotifier(fetch),
    );
    const committed = await this.committer.commit(data, request);
    return { request, dryRun, committed };
  }

  /**
   * Serves the figures of {@link start} as JSON on 127.0.0.1 and resolves with the service's base
   * URL once it listens. Call it before `start` to find a taken port before the slow setup, because
   * until `start` has finished, requests for the figures get a 503 response. Rejects with Node's
   * listen error, or with `PortInUseError` when the port is taken.
   */
  public async serve(port: number): Promise<string> {
    await this.closeService();
    const distributions: DistributionRouteOptions = { data: () => this.data, committer: () => this.committer };
    const app = createServiceApp(() => this.snapshot, { sparql: createSparqlRouter(this.store), distributions });
    const server = await listenOn(app, port, '127.0.0.1');
    this.service = server;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    logger.info({ url }, 'Demo service listening');
    return url;
  }

  /** Stops the service, logs the aggregator out and stops the Solid server; safe to call more than once. */
  public async stop(): Promise<void> {
    await this.closeService();
    await this.network?.aggregatorSession.logout();
    this.network = undefined;
    await this.store.close();
    await this.solid?.stop();
    this.solid = undefined;
  }

  /** Closes the JSON service if it runs, so serving again never leaves a server open. */
  private async closeService(): Promise<void> {
    const service = this.service;
    this.service = undefined;
    if (service !== undefined) {
      await new Promise<void>((resolve) => service.close(() => resolve()));
    }
  }
}

/** Measures the wall-clock time of consecutive steps. */
class StepClock {
  private readonly started = performance.now();
  private last = this.started;

  /** Returns the milliseconds since the previous lap, or since the start. */
  public lap(): number {
    const now = performance.now();
    const elapsed = Math.round(now - this.last);
    this.last = now;
    return elapsed;
  }

  /** Returns the milliseconds since the clock was made. */
  public total(): number {
    return Math.round(performance.now() - this.started);
  }
}
