import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { addConfigOptions } from '../../config/index.js';
import type { AggregatorConfig } from '../../config/index.js';
import { NotificationSubscriber } from '../../crawler/notifications/index.js';
import {
  ContinuousCrawler, createNetworkCrawler, createServiceApp, createServiceAuth, createStore, listenOn, PortInUseError,
  serviceDistributions, SnapshotPublisher,
} from '../../service/index.js';
import type { NotificationHandlers, TopicSubscriber } from '../../service/index.js';
import type { ClientCredentialsSession } from '../../solid/index.js';
import { createSparqlRouter } from '../../sparql/index.js';
import type { QuadStore } from '../../store/index.js';
import { getLogger } from '../../util/index.js';
import type { CliIo } from '../CliIo.js';
import { CommandFailedError, ExitCode } from '../CliIo.js';
import { loginAggregator, readConfigForCommand } from './crawlCommand.js';

const logger = getLogger('ServeCommand');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Adds `oce serve --config FILE [flags]`, which starts the HTTP service on the configured address
 * and runs a first crawl. Solid Notifications (where the pods' servers offer them) and a poll
 * timer then keep the figures current until `waitForStop` resolves (SIGINT or SIGTERM in the
 * CLI). Exits 1 when the login fails or the address is taken, 2 when the configuration is invalid.
 */
export function addServeCommand(
  program: Command, io: CliIo, waitForStop: () => Promise<void>, env: NodeJS.ProcessEnv = process.env,
): void {
  const command = program
    .command('serve')
    .description('serve the network figures over HTTP and keep them current by notifications and polling');
  addConfigOptions(command).action(async (options: Record<string, unknown>) => {
    const config = await readConfigForCommand(options, env);
    const store = createStore(config.store);
    const session = await loginAggregator(config);
    const publisher = new SnapshotPublisher(store);
    let server: Server | undefined;
    let continuous: ContinuousCrawler | undefined;
    try {
      if (!LOOPBACK_HOSTS.has(config.service.host) && config.service.access !== 'members') {
        logger.warn({ host: config.service.host }, 'The service listens beyond loopback with service.access open; ' +
          'every client that reaches it can read the network figures. Set service.access to members to require a login');
      }
      const sparql = createSparqlRouter(store, {
        timeoutMs: config.store.queryTimeoutSeconds * 1000, maxResults: config.store.maxResults,
      });
      const auth = createServiceAuth(config, publisher.latest);
      const distributions = serviceDistributions(publisher, session.fetch, auth.policy);
      server = await listen(createServiceApp(publisher.latest, { sparql, auth: auth.authenticator, distributions }),
        config);
      const { port } = server.address() as AddressInfo;
      io.stdout(`Serving the network figures at http://${hostForUrl(config.service.host)}:${port}/ ` +
        '(api/views/network, api/scopes, api/openapi.json, sparql, inventory, contributions, crawl, health)');
      continuous = buildContinuousCrawler(config, session, publisher);
      const first = await continuous.start();
      io.stdout(`First crawl finished at ${first.crawledAt}: ${first.report.totals.pods} pods, ` +
        `${first.report.totals.loaded} documents loaded, ${first.problems.length} problems.`);
      logger.info({ subscriptions: continuous.subscriptions().length }, 'Service running');
      await waitForStop();
    } finally {
      await stopAll(continuous, server, session, store);
    }
    io.stdout('Stopped.');
  });
}

function buildContinuousCrawler(
  config: AggregatorConfig, session: ClientCredentialsSession, publisher: SnapshotPublisher,
): ContinuousCrawler {
  const { crawler, guard, crawlerFetch } = createNetworkCrawler(config, session.fetch);
  const createSubscriber = (handlers: NotificationHandlers): TopicSubscriber =>
    new NotificationSubscriber({ fetch: crawlerFetch, guard, ...handlers });
  return new ContinuousCrawler({
    crawl: crawler,
    createSubscriber: config.notifications ? createSubscriber : undefined,
    pollIntervalMs: config.pollIntervalSeconds * 1000,
    maxSubscriptionsPerPod: config.bounds.maxSubscriptionsPerPod,
    onResult: async (result) => {
      await publisher.publish(result);
    },
  });
}

async function listen(app: ReturnType<typeof createServiceApp>, config: AggregatorConfig): Promise<Server> {
  try {
    return await listenOn(app, config.service.port, config.service.host);
  } catch (error: unknown) {
    if (error instanceof PortInUseError) {
      throw new CommandFailedError(`${error.message}; stop the other process or set service.port`, ExitCode.failed);
    }
    throw error;
  }
}

/** Stops the crawls and notification channels, then the HTTP service, then logs out, even after a failed step. */
async function stopAll(
  continuous: ContinuousCrawler | undefined, server: Server | undefined, session: ClientCredentialsSession,
  store: QuadStore,
): Promise<void> {
  await continuous?.stop().catch((error: unknown) => logger.error({ err: error }, 'Stopping the crawls failed'));
  if (server !== undefined) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await session.logout();
  await store.close();
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
