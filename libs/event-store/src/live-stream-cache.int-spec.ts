import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AggregateStore } from './aggregate-store';
import type { DomainEvent, EventCodec } from './event-codec';
import type { RecordedEvent } from './event-store.port';
import { LiveStreamCache, type CachedReader } from './live-stream-cache';
import { SqliteEventStore } from './sqlite-event-store';

/** Counts events: enough state to see which revision a load folded. */
const counter = {
  initialState: () => 0,
  evolve: (count: number) => count + 1,
  decide: (_command: 'add') => [{ type: 'Added', data: {} }],
};
const plain: EventCodec = {
  encode: async (event: DomainEvent) => event,
  decode: async (event: RecordedEvent) => ({ type: event.type, data: event.data }),
};
const metadata = {
  correlationId: 'c',
  causationId: 'c',
  actor: { type: 'system', id: 't' },
} as const;
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++)
    await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
};

/** What `whenChecked` hands two callers of the same turn. */
const twoCallersOfOneTurn = (cache: LiveStreamCache) =>
  new Promise<(CachedReader | undefined)[]>((resolve) => {
    const seen: (CachedReader | undefined)[] = [];
    cache.whenChecked((reader) => seen.push(reader));
    cache.whenChecked((reader) => resolve([...seen, reader]));
  });

describe('LiveStreamCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'live-cache-'));
  const file = join(dir, 'events.sqlite');
  const instanceA = new SqliteEventStore(file);
  const instanceB = new SqliteEventStore(file);
  const writerA = new AggregateStore(instanceA, plain);
  const writerB = new AggregateStore(instanceB, plain);
  const cache = new LiveStreamCache(instanceA, writerA);
  /** A live cache on its own connection, polling once an hour: only the change-token check can see B's commits in time. */
  const withSlowCache = async (test: (slowCache: LiveStreamCache) => Promise<void>) => {
    const slowStore = new SqliteEventStore(file, { pollIntervalMs: 3_600_000 });
    const slowCache = new LiveStreamCache(slowStore, new AggregateStore(slowStore, plain));
    try {
      await slowCache.start();
      await until(() => slowCache.isLive);
      await test(slowCache);
    } finally {
      await slowCache.close();
      await slowStore.close();
    }
  };
  afterAll(async () => {
    await cache.close();
    await instanceA.close();
    await instanceB.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given it is not live yet, reads the stream every time and caches nothing', async () => {
    await writerA.handle('s-1', counter, () => 'add' as const, { metadata });
    expect((await cache.load('s-1', counter)).state).toBe(1);
    await instanceB.append(
      's-1',
      [{ id: crypto.randomUUID(), type: 'Added', data: {}, metadata }],
      { expectedRevision: 0 },
    );
    expect((await cache.load('s-1', counter)).state).toBe(2);
  });

  it('given it is live, serves a hit without reading, and an append on another instance evicts it', async () => {
    await cache.start();
    await until(() => cache.isLive);
    const first = await cache.load('s-2', counter);
    expect(first.state).toBe(0);
    // A read always builds a new object: getting the very same one back proves no read happened.
    expect(await cache.load('s-2', counter)).toBe(first);

    await writerB.handle('s-2', counter, () => 'add' as const, { metadata });

    let seen = first.state;
    for (const deadline = Date.now() + 1000; seen !== 1 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen = (await cache.load('s-2', counter)).state;
    }
    expect(seen).toBe(1);
  });

  it('given an append on this instance, evicts before the command returns', async () => {
    expect((await cache.load('s-3', counter)).state).toBe(0);
    await writerA.handle('s-3', counter, () => 'add' as const, { metadata });
    expect((await cache.load('s-3', counter)).state).toBe(1);
  });

  it('given another instance committed before the load, never serves the stale hit, however slow its subscription', async () => {
    await withSlowCache(async (slowCache) => {
      for (let round = 0; round < 20; round++) {
        const stream = `s-slow-${round}`;
        const before = await slowCache.load(stream, counter);
        expect(await slowCache.load(stream, counter)).toBe(before);
        await writerB.handle(stream, counter, () => 'add' as const, { metadata });
        expect((await slowCache.load(stream, counter)).state).toBe(before.state + 1);
      }
    });
  });

  it('given another instance committed before the call, the check shared by one turn (whenChecked) sees it', async () => {
    await withSlowCache(async (slowCache) => {
      for (let round = 0; round < 20; round++) {
        const stream = `s-soon-${round}`;
        const before = await slowCache.load(stream, counter);
        // A hit catches up with what the earlier rounds committed.
        expect(await slowCache.load(stream, counter)).toBe(before);
        const answers = await twoCallersOfOneTurn(slowCache);
        expect(answers).toHaveLength(2);
        expect(answers[0]?.(stream)).toBe(before);
        await writerB.handle(stream, counter, () => 'add' as const, { metadata });
        expect(await slowCache.freshReaderSoon()).toBeUndefined();
        expect((await slowCache.load(stream, counter)).state).toBe(before.state + 1);
        expect((await slowCache.freshReaderSoon())?.(stream)?.state).toBe(before.state + 1);
      }
    });
  });

  it('given the store cannot be asked for its change token, answers every caller of the turn that memory cannot be trusted', async () => {
    // The real store, but its change token fails (as on SQLITE_BUSY after the busy timeout).
    const failing: SqliteEventStore = Object.create(instanceA);
    Object.defineProperty(failing, 'changeToken', {
      value: () => {
        throw new Error('database is locked');
      },
    });
    const failingCache = new LiveStreamCache(failing, writerA);
    try {
      await failingCache.start();
      await until(() => failingCache.isLive);
      expect(await twoCallersOfOneTurn(failingCache)).toEqual([undefined, undefined]);
    } finally {
      await failingCache.close();
    }
  });

  it('given its subscription stops, fails closed and reads the stream again', async () => {
    expect((await cache.load('s-4', counter)).state).toBe(0);
    await cache.close();
    await writerB.handle('s-4', counter, () => 'add' as const, { metadata });
    expect((await cache.load('s-4', counter)).state).toBe(1);
  });
});
