import assert from 'node:assert/strict';
import { AddressGuard } from '../../../src/crawler/http/index.js';
import { NotificationSubscriber } from '../../../src/crawler/notifications/index.js';
import type { ResourceNotification } from '../../../src/crawler/notifications/index.js';
import { AccessGranter, PodInitializer } from '../../../src/pod/index.js';
import type { SolidServer } from '../../../src/solid/index.js';
import { createTestMember, sharedSolidServer } from '../../support/sharedSolidServer.js';
import type { TestMember } from '../../support/sharedSolidServer.js';
import { FakeNotificationServer } from './FakeNotificationServer.js';

const LOOPBACK = new AddressGuard({ allowLoopback: true, allowPrivate: false });

/** Resolves once `condition` holds, checking every 20 ms; rejects after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('A NotificationSubscriber', () => {
  describe('on the Solid server', () => {
    let server: SolidServer;
    let aggregator: TestMember;
    let member: TestMember;
    let events: string;

    before(async function () {
      this.timeout(60000);
      server = await sharedSolidServer();
      aggregator = await createTestMember(server, 'notifyagg');
      member = await createTestMember(server, 'notifymember');
      const options = { fetch: member.session.fetch, webId: member.account.webId, storage: member.account.podUrl };
      await new PodInitializer(options).initialize();
      await new AccessGranter(options).grantRead(aggregator.account.webId);
      events = `${member.account.podUrl}rea/events/`;
    });

    after(async () => {
      await aggregator.session.logout();
      await member.session.logout();
    });

    it('receives an Add for a document put into a subscribed container.', async () => {
      const received: ResourceNotification[] = [];
      const subscriber = new NotificationSubscriber({
        fetch: aggregator.session.fetch, guard: LOOPBACK, onNotification: (notification) => received.push(notification),
      });
      try {
        const status = await subscriber.subscribe(events);
        assert.equal(status.state, 'subscribed');
        const document = `${events}added.ttl`;
        const put = await member.session.fetch(document, {
          method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#a> <#b> <#c>.',
        });
        assert.equal(put.status, 201);
        await waitFor(() => received.some((entry) => entry.object === document), 5000, 'the Add notification');
        const add = received.find((entry) => entry.object === document)!;
        assert.equal(add.type, 'Add');
        assert.equal(add.topic, events);
        assert.equal(add.target, events);
        assert.match(add.state ?? '', /^".+"$/u);
      } finally {
        await subscriber.stop();
      }
    });

    it('receives an Update for a subscribed document that changes.', async () => {
      const document = `${events}changing.ttl`;
      await member.session.fetch(document, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#a> <#b> 1.' });
      const received: ResourceNotification[] = [];
      const subscriber = new NotificationSubscriber({
        fetch: aggregator.session.fetch, guard: LOOPBACK, onNotification: (notification) => received.push(notification),
      });
      try {
        assert.equal((await subscriber.subscribe(document)).state, 'subscribed');
        await member.session.fetch(document, { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '<#a> <#b> 2.' });
        await waitFor(() => received.length > 0, 5000, 'the Update notification');
        assert.deepEqual(received.map((entry) => [entry.type, entry.object, entry.topic]), [['Update', document, document]]);
      } finally {
        await subscriber.stop();
      }
    });

    it('deletes its channel on stop.', async () => {
      const subscriber = new NotificationSubscriber({
        fetch: aggregator.session.fetch, guard: LOOPBACK, onNotification: () => undefined,
      });
      const status = await subscriber.subscribe(events);
      assert.equal(status.state, 'subscribed');
      await subscriber.stop();
      const channel = status.state === 'subscribed' ? status.channel : '';
      const again = await aggregator.session.fetch(channel, { method: 'DELETE' });
      assert.equal(again.status, 404);
      assert.deepEqual(subscriber.statuses(), []);
    });

    it('reports a topic the aggregator may not read as unavailable.', async () => {
      const outsider = await createTestMember(server, 'notifyoutsider');
      const subscriber = new NotificationSubscriber({
        fetch: outsider.session.fetch, guard: LOOPBACK, onNotification: () => undefined,
      });
      try {
        const status = await subscriber.subscribe(events);
        assert.deepEqual(status, { topic: events, state: 'unavailable', reason: `reading [${events}] returned status 403` });
      } finally {
        await subscriber.stop();
        await outsider.session.logout();
      }
    });
  });

  describe('on a server without WebSocket notifications', () => {
    it('reports a server without a storage description link.', async () => {
      const fake = await FakeNotificationServer.start('none');
      const subscriber = new NotificationSubscriber({ fetch, guard: LOOPBACK, onNotification: () => undefined });
      try {
        const status = await subscriber.subscribe(`${fake.base}data/`);
        assert.deepEqual(status, { topic: `${fake.base}data/`, state: 'unavailable',
          reason: `the response to [${fake.base}data/] has no storage description link` });
      } finally {
        await subscriber.stop();
        await fake.stop();
      }
    });

    it('reports a storage description without a WebSocket channel.', async () => {
      const fake = await FakeNotificationServer.start('webhook-only');
      const subscriber = new NotificationSubscriber({ fetch, guard: LOOPBACK, onNotification: () => undefined });
      try {
        const status = await subscriber.subscribe(`${fake.base}data/`);
        assert.deepEqual(status, { topic: `${fake.base}data/`, state: 'unavailable', reason: 'the storage description ' +
          `[${fake.base}.well-known/solid] lists no WebSocketChannel2023 subscription service` });
      } finally {
        await subscriber.stop();
        await fake.stop();
      }
    });

    it('sends nothing to an address the policy rejects.', async () => {
      const fake = await FakeNotificationServer.start('websocket');
      const strict = new AddressGuard({ allowLoopback: false, allowPrivate: false });
      const subscriber = new NotificationSubscriber({ fetch, guard: strict, onNotification: () => undefined });
      try {
        const status = await subscriber.subscribe(`${fake.base}data/`);
        assert.equal(status.state, 'unavailable');
        assert.match(status.state === 'unavailable' ? status.reason : '', /^reading \[http:\/\/127\.0\.0\.1:\d+\/data\/\] failed: /u);
        assert.deepEqual(fake.requests, []);
      } finally {
        await subscriber.stop();
        await fake.stop();
      }
    });
  });

  describe('when its socket drops', () => {
    it('subscribes again, reports the reconnection and receives again.', async () => {
      const fake = await FakeNotificationServer.start('websocket');
      const topic = `${fake.base}data/`;
      const received: ResourceNotification[] = [];
      const reconnected: string[] = [];
      const subscriber = new NotificationSubscriber({
        fetch, guard: LOOPBACK, reconnectBaseMs: 20, random: () => 0,
        onNotification: (notification) => received.push(notification),
        onReconnect: (reconnectedTopic) => reconnected.push(reconnectedTopic),
      });
      try {
        assert.equal((await subscriber.subscribe(topic)).state, 'subscribed');
        await waitFor(() => fake.sockets.size === 1, 2000, 'the first socket');
        fake.dropSockets();
        await waitFor(() => reconnected.length === 1 && fake.sockets.size === 1, 5000, 'the reconnection');
        assert.deepEqual(reconnected, [topic]);
        assert.deepEqual(fake.requests.filter((request) => request.startsWith('POST')), ['POST /subscribe/', 'POST /subscribe/']);
        fake.broadcast({ type: 'Remove', object: `${topic}gone.ttl`, target: topic });
        await waitFor(() => received.length === 1, 2000, 'a notification after reconnecting');
        assert.deepEqual(received, [{ topic, type: 'Remove', object: `${topic}gone.ttl`, target: topic }]);
      } finally {
        await subscriber.stop();
        await fake.stop();
      }
      assert.deepEqual(fake.requests.filter((request) => request.startsWith('DELETE')), ['DELETE /channels/2']);
    });

    it('keeps trying while the server is away and stops cleanly meanwhile.', async () => {
      const fake = await FakeNotificationServer.start('websocket');
      const topic = `${fake.base}data/`;
      const subscriber = new NotificationSubscriber({
        fetch, guard: LOOPBACK, reconnectBaseMs: 10, reconnectMaxMs: 40, random: () => 0.5,
        onNotification: () => undefined,
      });
      assert.equal((await subscriber.subscribe(topic)).state, 'subscribed');
      fake.mode = 'none';
      fake.dropSockets();
      await waitFor(() => subscriber.statuses().some((status) => status.state === 'reconnecting' && status.attempt >= 3),
        5000, 'three reconnection attempts');
      const status = subscriber.statuses()[0]!;
      assert.equal(status.state, 'reconnecting');
      assert.equal(status.state === 'reconnecting' ? status.reason : '',
        `the response to [${topic}] has no storage description link`);
      await subscriber.stop();
      await fake.stop();
    });
  });
});
