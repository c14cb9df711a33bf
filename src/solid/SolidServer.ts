import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppRunner } from '@solid/community-server';
import type { App } from '@solid/community-server';
import { getLogger } from '../util/index.js';

const logger = getLogger('SolidServer');

const CONFIG_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../config');

/** Community Solid Server config with an in-memory backend and pods under `/NAME/`. */
export const MEMORY_CONFIG = path.join(CONFIG_FOLDER, 'memory-pods.json');

/** Community Solid Server config that stores resources under a root folder, with pods under `/NAME/`. */
export const FILE_CONFIG = path.join(CONFIG_FOLDER, 'file-pods.json');

const LOOPBACK = '127.0.0.1';
const READY_POLL_MS = 50;

/** Options of {@link SolidServer.start}. */
export interface SolidServerOptions {
  /** TCP port on 127.0.0.1; a free port is chosen when absent. */
  port?: number;
  /** Level of the server's own (winston) log: `error`, `warn`, `info`, `verbose`, `debug`. Default `error`. */
  loggingLevel?: string;
  /** Folder for the file backend. Without it the server keeps everything in memory. */
  rootFilePath?: string;
  /** Milliseconds to wait for `/.account/` to return 200 after start. Default 60 000. */
  readyTimeoutMs?: number;
}

/**
 * A Community Solid Server 7 running inside this process, listening on 127.0.0.1 only.
 * Start-up takes several seconds (Components.js builds the whole server), so tests share one.
 */
export class SolidServer {
  /** Base URL with a trailing slash, such as `http://localhost:3456/`; also the OIDC issuer. */
  public readonly baseUrl: string;
  public readonly port: number;
  private readonly app: App;
  private stopped = false;

  private constructor(app: App, port: number, baseUrl: string) {
    this.app = app;
    this.port = port;
    this.baseUrl = baseUrl;
  }

  /** Builds, starts and waits for a server; resolves once `GET /.account/` returns 200. */
  public static async start(options: SolidServerOptions = {}): Promise<SolidServer> {
    const startedAt = Date.now();
    const port = options.port ?? await findFreePort();
    // The host is `localhost`, not 127.0.0.1: CSS's token verifier (@solid/access-token-verifier 2.1)
    // accepts an http WebID only on localhost. NOTE: a host whose `localhost` resolves to ::1 first
    // relies on the client falling back to 127.0.0.1, the only address the server listens on.
    const baseUrl = `http://localhost:${port}/`;
    const shorthand: Record<string, string | number> = {
      port,
      baseUrl,
      loggingLevel: options.loggingLevel ?? 'error',
    };
    if (options.rootFilePath !== undefined) {
      shorthand.rootFilePath = path.resolve(options.rootFilePath);
    }
    const config = options.rootFilePath === undefined ? MEMORY_CONFIG : FILE_CONFIG;

    const app = await new AppRunner().create({ config, shorthand });
    await withLoopbackListen(() => app.start());
    const server = new SolidServer(app, port, baseUrl);
    try {
      await waitUntilReady(`${baseUrl}.account/`, options.readyTimeoutMs ?? 60_000);
    } catch (error: unknown) {
      await server.stop();
      throw error;
    }
    logger.info({ baseUrl, config, ms: Date.now() - startedAt }, 'Solid server started');
    return server;
  }

  /** Stops the server and closes its HTTP socket; calling it twice is harmless. */
  public async stop(): Promise<void> {
    if (this.stopped) {
      return;
    }
    this.stopped = true;
    await this.app.stop();
    logger.info({ baseUrl: this.baseUrl }, 'Solid server stopped');
  }
}

/** Asks the kernel for a free loopback port. Another process could take it before CSS binds it. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs `action` while `net.Server#listen(port)` calls that name no host bind to 127.0.0.1.
 * CSS 7.2 calls `server.listen(port)`, which would bind every interface, and has no host
 * option. The original method is restored when `action` settles.
 */
async function withLoopbackListen<T>(action: () => Promise<T>): Promise<T> {
  type Listen = (this: net.Server, ...args: unknown[]) => net.Server;
  const prototype = net.Server.prototype as unknown as { listen: Listen };
  const original = prototype.listen;
  prototype.listen = function listenOnLoopback(this: net.Server, ...args: unknown[]): net.Server {
    const portOnly = typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function');
    if (portOnly) {
      args.splice(1, 0, LOOPBACK);
    }
    return original.apply(this, args);
  };
  try {
    return await action();
  } finally {
    prototype.listen = original;
  }
}

/** Polls `url` until it returns 200, because `App#start()` resolves before the socket accepts requests. */
async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastFailure = 'no response yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      if (response.status === 200) {
        return;
      }
      lastFailure = `status ${response.status}`;
    } catch (error: unknown) {
      lastFailure = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(`Solid server at [${url}] was not ready after [${timeoutMs}] ms; last failure: [${lastFailure}]`);
}
