import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Handles one request of a {@link LocalServer}. */
export type LocalHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** A node:http server on 127.0.0.1 with a free port, for fault and protocol tests. */
export class LocalServer {
  /** Base URL with a trailing slash, such as `http://127.0.0.1:40123/`. */
  public readonly url: string;
  /** Requests received, in arrival order. */
  public readonly requests: IncomingMessage[];
  private readonly server: Server;

  private constructor(server: Server, url: string, requests: IncomingMessage[]) {
    this.server = server;
    this.url = url;
    this.requests = requests;
  }

  /** Starts a server that records each request and passes it to `handler`. */
  public static async start(handler: LocalHandler): Promise<LocalServer> {
    const requests: IncomingMessage[] = [];
    const server = createServer((request, response) => {
      requests.push(request);
      handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new LocalServer(server, `http://127.0.0.1:${port}/`, requests);
  }

  /** Returns the paths requested so far. */
  public paths(): string[] {
    return this.requests.map((request) => request.url ?? '');
  }

  /** Closes the server and every open connection, including those still waiting for a response. */
  public async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
