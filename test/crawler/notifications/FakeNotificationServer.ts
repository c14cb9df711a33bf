import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/** What the server offers: WebSocket notifications, a storage description without them, or no description. */
export type FakeNotificationMode = 'websocket' | 'webhook-only' | 'none';

/**
 * A small Solid-like server on 127.0.0.1 for the notification tests that a real server cannot
 * stage: a storage description, a WebSocketChannel2023 subscription service and its sockets,
 * which the test can drop. Every other path returns 200 with the storage description link.
 */
export class FakeNotificationServer {
  /** Requests received, as `METHOD path`. */
  public readonly requests: string[] = [];
  /** Sockets currently open. */
  public readonly sockets = new Set<WebSocket>();
  private channels = 0;

  private constructor(
    private readonly server: Server,
    private readonly socketServer: WebSocketServer,
    public readonly base: string,
    public mode: FakeNotificationMode,
  ) {}

  /** Starts the server on a free port of 127.0.0.1. */
  public static async start(mode: FakeNotificationMode): Promise<FakeNotificationServer> {
    const handlers: { handle?: (request: IncomingMessage, response: ServerResponse) => void } = {};
    const server = createServer((request, response) => handlers.handle?.(request, response));
    const webSockets = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeNotificationServer(server, webSockets, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, mode);
    handlers.handle = (request, response): void => fake.handle(request, response);
    webSockets.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    return fake;
  }

  /** Sends a message to every open socket. */
  public broadcast(message: object): void {
    for (const socket of this.sockets) {
      socket.send(JSON.stringify(message));
    }
  }

  /** Closes every open socket from the server side, as a restart would. */
  public dropSockets(): void {
    for (const socket of this.sockets) {
      socket.terminate();
    }
  }

  /** Closes the sockets and the server. */
  public async stop(): Promise<void> {
    this.dropSockets();
    await new Promise<void>((resolve) => this.socketServer.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requests.push(`${request.method} ${path}`);
    request.resume();
    if (path === '/.well-known/solid') {
      response.writeHead(200, { 'content-type': 'text/turtle' });
      response.end(this.description());
      return;
    }
    if (path === '/subscribe/' && request.method === 'POST') {
      this.channels += 1;
      response.writeHead(200, { 'content-type': 'application/ld+json' });
      response.end(JSON.stringify({
        id: `${this.base}channels/${this.channels}`,
        receiveFrom: `${this.base.replace('http', 'ws')}channels/${this.channels}`,
      }));
      return;
    }
    const link = this.mode === 'none' ? {}
      : { link: `</.well-known/solid>; rel="http://www.w3.org/ns/solid/terms#storageDescription"` };
    response.writeHead(request.method === 'DELETE' ? 205 : 200, { 'content-type': 'text/turtle', ...link });
    response.end();
  }

  private description(): string {
    const channel = this.mode === 'websocket' ? 'WebSocketChannel2023' : 'WebhookChannel2023';
    return `@prefix notify: <http://www.w3.org/ns/solid/notifications#>.
<./> notify:subscription </subscribe/>.
</subscribe/> notify:channelType notify:${channel}.
`;
  }
}
