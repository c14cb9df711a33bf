import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { snapshotOf, StoreSynchronizer } from '../aggregator/index.js';
import type { NetworkSnapshot } from '../aggregator/index.js';
import { NetworkCrawler } from '../crawler/index.js';
import type { NetworkCrawlResult } from '../crawler/index.js';
import { createServiceApp, listenOn } from '../service/index.js';
import { createSparqlRouter } from '../sparql/index.js';
import { OxigraphStore } from '../store/index.js';
import { SolidServer } from '../solid/index.js';
import { getLogger } from '../util/index.js';
import { DemoNetworkBuilder } from './DemoNetworkBuilder.js';
import type { DemoNetwork } from './DemoNetworkBuilder.js';

const logger = getLogger('Demo');

/** Options of {@link Demo.start}. */
export interface DemoOptions {
  /** Folder of upstream ValueFlows examples; the default is the shared reference folder beside the checkout. */
  examplesFolder?: string;
  /** Port of the Solid server on 127.0.0.1; a free one when absent. */
  solidPort?: number;
}

/** Accounts and figures of one demo run, for the CLI to print. */
export interface DemoResult {
  solidBaseUrl: string;
  network: DemoNetwork;
  snapshot: NetworkSnapshot;
  /** The crawl the snapshot was computed from. */
  crawl: NetworkCrawlResult;
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
  /**
   * The aggregated graph behind `/sparql`: one named graph per crawled document plus the derived
   * graphs. Queries run in a worker thread, so the endpoint's time limit holds.
   */
  public readonly store = new OxigraphStore({ queryWorker: true });

  /** Starts the Solid server, sets up the network, crawls it and returns the figures. */
  public async start(options: DemoOptions = {}): Promise<DemoResult> {
    this.solid = await SolidServer.start(options.solidPort === undefined ? {} : { port: options.solidPort });
    this.network = await new DemoNetworkBuilder(this.solid.baseUrl, options.examplesFolder).build();
    const crawler = new NetworkCrawler({
      roots: [this.network.network.webId], fetcher: this.network.aggregatorSession.fetch,
    });
    const result = await crawler.crawl();
    const snapshot = snapshotOf(result);
    await new StoreSynchronizer(this.store).sync(result.documents, snapshot.derivedGraphs);
    logger.info({ members: snapshot.members.length, resources: snapshot.inventory.resources.length }, 'Demo crawl done');
    this.snapshot = snapshot;
    return { solidBaseUrl: this.solid.baseUrl, network: this.network, snapshot, crawl: result };
  }

  /**
   * Serves the figures of {@link start} as JSON on 127.0.0.1 and resolves with the service's base
   * URL once it listens. Call it before `start` to find a taken port before the slow setup, because
   * until `start` has finished, requests for the figures get a 503 response. Rejects with Node's
   * listen error, or with `PortInUseError` when the port is taken.
   */
  public async serve(port: number): Promise<string> {
    await this.closeService();
    const app = createServiceApp(() => this.snapshot, { sparql: createSparqlRouter(this.store) });
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
