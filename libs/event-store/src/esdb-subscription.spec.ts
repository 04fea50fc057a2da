import { PassThrough } from 'node:stream';
import type {
  AllStreamResolvedEvent,
  EventStoreDBClient,
  SubscribeToAllOptions,
} from '@eventstore/db-client';
import type { RecordedEvent, SubscriptionStart, SubscriptionStatus } from './event-store.port';
import { EsdbSubscription } from './esdb-subscription';
import { pause, waitUntil } from './testing/recording-handler';

/**
 * EventStoreDB cannot run here, so the subscription's own logic (batching, live detection,
 * resubscribing, closing) runs against a stand-in for the client's subscription stream.
 */
class FakeServerSubscription extends PassThrough {
  unsubscribed = false;

  constructor(readonly options: SubscribeToAllOptions | undefined) {
    super({ objectMode: true });
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }

  deliver(...positions: number[]): void {
    for (const position of positions) this.write(aResolvedEvent(position));
  }
}

function aResolvedEvent(position: number, type = 'SomethingHappened'): AllStreamResolvedEvent {
  const commit = BigInt(position);
  return {
    event: {
      streamId: 'stream-1',
      id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      revision: commit,
      type,
      created: new Date(0),
      data: { position },
      metadata: { correlationId: 'c', causationId: 'c', actor: { type: 'system', id: 'test' } },
      isJson: true,
      position: { commit, prepare: commit },
    },
    commitPosition: commit,
  } as AllStreamResolvedEvent;
}

type LogEntry = SubscriptionStatus | number[];

function subscribe(
  start: SubscriptionStart,
  options: { head?: bigint; onEvents?: (batch: readonly RecordedEvent[]) => Promise<void> } = {},
) {
  const serverSubscriptions: FakeServerSubscription[] = [];
  const client = {
    subscribeToAll: (subscribeOptions?: SubscribeToAllOptions) => {
      const serverSubscription = new FakeServerSubscription(subscribeOptions);
      serverSubscriptions.push(serverSubscription);
      return serverSubscription;
    },
  } as unknown as EventStoreDBClient;
  const log: LogEntry[] = [];
  const subscription = new EsdbSubscription(client, async () => options.head ?? 100n, start, {
    async onEvents(batch) {
      await options.onEvents?.(batch);
      log.push(batch.map((event) => Number(event.position)));
    },
    onStatus: (status) => log.push(status),
  });
  const server = (): FakeServerSubscription => {
    const latest = serverSubscriptions[serverSubscriptions.length - 1];
    if (latest === undefined) throw new Error('not subscribed yet');
    return latest;
  };
  const subscribed = (count = 1) =>
    waitUntil(() => serverSubscriptions.length >= count, 'the subscription reaches the server');
  return { subscription, log, server, subscribed, serverSubscriptions };
}

describe('EsdbSubscription', () => {
  it('given history, when the server says caught up, then live follows the history', async () => {
    const { subscription, log, server, subscribed } = subscribe('start');
    await subscribed();

    server().deliver(1, 2, 3);
    await waitUntil(() => log.flat().includes(3), 'history arrives');
    server().emit('caughtUp');

    await waitUntil(() => log.includes('live'), 'live');
    expect(log).toEqual(['catching-up', [1, 2, 3], 'live']);
    expect(server().options?.fromPosition).toBe('start');
    await subscription.close();
  });

  it('given events still buffered when the server says caught up, then live waits for them', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { subscription, log, server, subscribed } = subscribe('start', {
      onEvents: () => gate,
    });
    await subscribed();

    server().deliver(1);
    await pause(10);
    server().deliver(2, 3);
    await pause(10);
    server().emit('caughtUp');
    await pause(10);
    const beforeRelease = [...log];
    release();

    await waitUntil(() => log.includes('live'), 'live');
    expect(beforeRelease).toEqual(['catching-up']);
    expect(log).toEqual(['catching-up', [1], [2, 3], 'live']);
    await subscription.close();
  });

  it('given a server that never says caught up, when the head seen at start is handled, then it is live', async () => {
    const { subscription, log, server, subscribed } = subscribe('start', { head: 2n });
    await subscribed();

    server().deliver(1);
    await waitUntil(() => log.length === 2, 'the first event arrives');
    server().deliver(2);

    await waitUntil(() => log.includes('live'), 'live');
    expect(log).toEqual(['catching-up', [1], [2], 'live']);
    await subscription.close();
  });

  it('given a live subscription, when the server says it fell behind, then it is catching up until caught up again', async () => {
    const { subscription, log, server, subscribed } = subscribe('start', { head: 1n });
    await subscribed();
    server().deliver(1);
    await waitUntil(() => log.includes('live'), 'live');

    server().emit('fellBehind');
    server().deliver(2);
    await waitUntil(() => log.flat().includes(2), 'the next event arrives');
    const whileBehind = [...log];
    server().emit('caughtUp');

    await waitUntil(() => log[log.length - 1] === 'live', 'live again');
    expect(whileBehind).toEqual(['catching-up', [1], 'live', 'catching-up', [2]]);
    await subscription.close();
  });

  it('given a dropped subscription, then it reports down and resubscribes after the last handled event', async () => {
    const { subscription, log, server, subscribed } = subscribe({ after: 4n });
    await subscribed();
    expect(server().options?.fromPosition).toEqual({ commit: 4n, prepare: 4n });
    server().deliver(5, 6);
    await waitUntil(() => log.flat().includes(6), 'events arrive');

    server().destroy(new Error('connection lost'));

    await subscribed(2);
    expect(log).toContain('down');
    expect(log[log.length - 1]).toBe('catching-up');
    expect(server().options?.fromPosition).toEqual({ commit: 6n, prepare: 6n });
    await subscription.close();
  });

  it('given a subscription from now, then it starts at the head and is live at once', async () => {
    const { subscription, log, server, subscribed } = subscribe('now', { head: 42n });
    await subscribed();

    await waitUntil(() => log.includes('live'), 'live');
    expect(server().options?.fromPosition).toEqual({ commit: 42n, prepare: 42n });
    await subscription.close();
  });

  it('given events at or before the start and system events, then neither is delivered', async () => {
    const { subscription, log, server, subscribed } = subscribe({ after: 10n });
    await subscribed();

    server().write(aResolvedEvent(10));
    server().write(aResolvedEvent(11, '$metadata'));
    server().deliver(12);

    await waitUntil(() => log.flat().includes(12), 'the new event arrives');
    expect(log.filter(Array.isArray)).toEqual([[12]]);
    await subscription.close();
  });

  it('when closed, then it unsubscribes and stops', async () => {
    const { subscription, log, server, subscribed } = subscribe('start');
    await subscribed();

    await subscription.close();
    server().write(aResolvedEvent(1));
    await pause(10);

    expect(server().unsubscribed).toBe(true);
    expect(log).toEqual(['catching-up']);
  });
});
