import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { setupSql, virtuosoIni } from './virtuosoConfig.js';

const SERVER_BINARY = 'virtuoso-t';
const SQL_CLIENT_BINARY = 'isql-vt';
const STORE_USER = 'oce_store';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * A Virtuoso Open Source server started for tests: its database in a fresh temporary folder,
 * its SQL and HTTP servers on free 127.0.0.1 ports, and a store user with a random password.
 * Start it with {@link VirtuosoServer.start}; {@link stop} ends the process and removes the folder.
 */
export class VirtuosoServer {
  private constructor(
    private readonly process: ChildProcess,
    private readonly folder: string,
    /** Base URL of the HTTP server, ending in `/`. */
    public readonly baseUrl: string,
    /** User and password of the store's account, for the `-auth` endpoints. */
    public readonly credentials: { readonly username: string; readonly password: string },
  ) {}

  /**
   * Starts `virtuoso-t` in the foreground, waits until its SPARQL endpoint responds, and sets up the
   * store user with `isql-vt`. Throws when either program is missing from PATH.
   */
  public static async start(): Promise<VirtuosoServer> {
    requireBinary(SERVER_BINARY);
    requireBinary(SQL_CLIENT_BINARY);
    const folder = await mkdtemp(join(tmpdir(), 'oce-virtuoso-'));
    const sqlPort = await freePort();
    const httpPort = await freePort();
    const iniPath = join(folder, 'virtuoso.ini');
    await writeFile(iniPath, virtuosoIni({ folder, sqlPort, httpPort }), { mode: 0o600 });
    const child = spawn(SERVER_BINARY, ['+foreground', '+configfile', iniPath], {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(child);
    const baseUrl = `http://127.0.0.1:${httpPort}/`;
    const credentials = { username: STORE_USER, password: randomBytes(12).toString('hex') };
    const server = new VirtuosoServer(child, folder, baseUrl, credentials);
    try {
      await waitUntilReady(child, baseUrl, output);
      runSql(sqlPort, setupSql(STORE_USER, credentials.password, randomBytes(12).toString('hex')));
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Stops the server with SIGTERM (SIGKILL after 15 s) and deletes its database folder. */
  public async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      const timer = setTimeout(() => this.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.folder, { recursive: true, force: true });
  }
}

function requireBinary(name: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error(`Virtuoso is not installed: [${name}] is not on PATH. ` +
      'Install it with `apt-get install -y virtuoso-opensource` (Debian 12 ships 7.2.5).');
  }
}

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Keeps the last 4 kB of the server's output, to explain a failed start. */
function collectOutput(child: ChildProcess): () => string {
  let text = '';
  const append = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-4096);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => text;
}

async function waitUntilReady(child: ChildProcess, baseUrl: string, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const probe = `${baseUrl}sparql?query=${encodeURIComponent('ASK {}')}`;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Virtuoso exited with code [${child.exitCode}] during start-up. Output:\n${output()}`);
    }
    try {
      const response = await fetch(probe);
      await response.arrayBuffer();
      if (response.ok) {
        return;
      }
    } catch {
      // The HTTP server is not listening yet.
    }
    await delay(200);
  }
  throw new Error(`Virtuoso did not answer [${probe}] within ${READY_TIMEOUT_MS} ms. Output:\n${output()}`);
}

/** Runs SQL statements as `dba` with the fresh database's default password, through stdin. */
function runSql(sqlPort: number, sql: string): void {
  const result = spawnSync(SQL_CLIENT_BINARY, [`127.0.0.1:${sqlPort}`, 'dba', 'dba'], {
    input: sql,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || output.includes('*** Error')) {
    throw new Error(`Setting up Virtuoso with ${SQL_CLIENT_BINARY} failed (exit code [${result.status}]):\n${output}`);
  }
}
