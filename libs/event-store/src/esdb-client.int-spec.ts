import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { EsdbEventStore } from './esdb-event-store';
import type { SubscriptionStatus } from './event-store.port';
import { FakeEsdbServer } from './testing/fake-esdb-server';
import { waitUntil } from './testing/recording-handler';

const ours = { actor: { type: 'system', id: 'test' }, correlationId: 'c', causationId: 'c' };

/**
 * The adapter over the real @eventstore/db-client, talking gRPC to a fake of the server's
 * read RPC (testing/fake-esdb-server.ts). What the fake cannot show is listed in the README.
 */
describe('EsdbEventStore over the real client', () => {
  let server: FakeEsdbServer;
  let store: EsdbEventStore;

  beforeEach(async () => {
    server = new FakeEsdbServer();
    store = new EsdbEventStore(await server.start());
  });

  afterEach(async () => {
    await store.close();
    await server.stop();
  });

  describe('headPosition', () => {
    it('given only the system events a fresh server writes, then the head is 0', async () => {
      server.append({ stream: '$$$settings', type: '$settings' });
      server.append({ stream: '$scavenges', type: '$scavengeStarted' });

      expect(await store.headPosition()).toBe(0n);
    });

    it('given system events after the last application event, then the head is that event', async () => {
      const last = server.append({ stream: 'account-1', type: 'NameChanged', metadata: ours });
      for (let i = 0; i < 100; i++)
        server.append({ stream: '$stats-127.0.0.1:2113', type: '$statsCollected' });

      expect(await store.headPosition()).toBe(last.position);
    });
  });

  it('given a stream that does not exist, then reading it gives no events (the client throws StreamNotFoundError lazily)', async () => {
    server.append({ stream: 'account-1', type: 'NameChanged', metadata: ours });

    expect(await store.readStream('account-2')).toEqual([]);
    expect((await store.readStream('account-1')).map((event) => event.revision)).toEqual([0]);
  });

  it('given history, then a subscription delivers it, goes live on caughtUp, and after a drop resumes after the last handled event', async () => {
    server.append({ stream: 'account-1', type: 'AccountRegistered', metadata: ours });
    server.append({ stream: '$stats', type: '$statsCollected' });
    server.append({ stream: 'account-1', type: 'NameChanged', metadata: ours });
    const delivered: bigint[] = [];
    const statuses: SubscriptionStatus[] = [];
    const subscription = store.subscribe('start', {
      onEvents: (events) => void delivered.push(...events.map((event) => event.position)),
      onStatus: (status) => void statuses.push(status),
    });
    try {
      await waitUntil(() => statuses.includes('live'), 'live');
      expect(delivered).toEqual([100n, 300n]);

      server.dropSubscriptions();
      await waitUntil(() => statuses.includes('down'), 'down after the drop');
      await waitUntil(() => server.subscriptions.length === 1, 'the resubscription');
      expect(server.subscriptions[0]?.from).toBe(300n);
      const next = server.append({ stream: 'account-1', type: 'NameChanged', metadata: ours });

      await waitUntil(() => delivered.includes(next.position), 'the next event');
      expect(delivered).toEqual([100n, 300n, next.position]);
    } finally {
      await subscription.close();
    }
  });
});

/** Forwards TCP both ways until `silence()`, then keeps the sockets open and drops every byte. */
async function silenceableProxy(targetPort: number) {
  const sockets: Socket[] = [];
  let silent = false;
  const proxy = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.push(client, upstream);
    client.on('data', (chunk) => silent || upstream.write(chunk));
    upstream.on('data', (chunk) => silent || client.write(chunk));
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    silence: () => void (silent = true),
    close: () => {
      for (const socket of sockets) socket.destroy();
      proxy.close();
    },
  };
}

describe('EsdbEventStore on a connection that goes silent', () => {
  it('given a live subscription, when the connection stops answering, then it reports down within seconds (keepalive), not 10 s + 10 s', async () => {
    const server = new FakeEsdbServer();
    const port = Number(new URL((await server.start()).replace('esdb:', 'http:')).port);
    const proxy = await silenceableProxy(port);
    const store = new EsdbEventStore(`esdb://127.0.0.1:${proxy.port}?tls=false`);
    const statuses: { status: SubscriptionStatus; at: number }[] = [];
    const subscription = store.subscribe('start', {
      onEvents: () => undefined,
      onStatus: (status) => void statuses.push({ status, at: Date.now() }),
    });
    try {
      await waitUntil(() => statuses.some((each) => each.status === 'live'), 'live');

      proxy.silence();
      const silencedAt = Date.now();

      await waitUntil(
        () => statuses.some((each) => each.status === 'down'),
        'down after the silence',
        15_000,
      );
      const down = statuses.find((each) => each.status === 'down') as { at: number };
      // KEEP_ALIVE_DEFAULTS: a ping after 2 s of silence, 2 s for its answer (CI load aside).
      expect(down.at - silencedAt).toBeLessThan(10_000);
    } finally {
      await subscription.close();
      await store.close();
      proxy.close();
      await server.stop();
    }
  }, 30_000);
});
