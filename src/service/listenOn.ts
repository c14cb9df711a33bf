import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';

/** Raised when the service's port is already taken by another process. */
export class PortInUseError extends Error {
  public constructor(public readonly port: number, public readonly host: string) {
    super(`Port [${port}] on ${host} is already in use`);
    this.name = 'PortInUseError';
  }
}

/**
 * Starts an HTTP server for `handler` on `host:port` and resolves once it listens. Express 5's
 * `app.listen` also calls its callback on a listen error, so this binds the server itself and
 * rejects instead: with {@link PortInUseError} for a taken port, or with Node's listen error.
 */
export async function listenOn(handler: RequestListener, port: number, host: string): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error);
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  return server;
}
