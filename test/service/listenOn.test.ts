import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenOn, PortInUseError } from '../../src/service/index.js';

async function close(server: Server): Promise<void> {
  await new Promise((resolve) => server.close(resolve));
}

describe('listenOn', () => {
  it('resolves with a server listening on the port.', async () => {
    const server = await listenOn((_request, response) => response.end('ok'), 0, '127.0.0.1');
    try {
      const { port } = server.address() as AddressInfo;
      assert.equal(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'ok');
    } finally {
      await close(server);
    }
  });

  it('rejects a taken port with PortInUseError.', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      await assert.rejects(listenOn(() => undefined, port, '127.0.0.1'), (error: unknown) => {
        assert.ok(error instanceof PortInUseError);
        assert.equal(error.message, `Port [${port}] on 127.0.0.1 is already in use`);
        return true;
      });
    } finally {
      await close(taken);
    }
  });
});
