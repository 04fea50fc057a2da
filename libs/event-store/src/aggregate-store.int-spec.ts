import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AggregateStore, ConcurrentWritesError } from './aggregate-store';
import type { DomainEvent, EventCodec } from './event-codec';
import { WrongExpectedRevisionError, type RecordedEvent } from './event-store.port';
import { createChainVerifier } from './integrity';
import { SqliteEventStore } from './sqlite-event-store';

/** A counter that adds `n` events per command, or none for 0. */
const counter = {
  initialState: () => 0,
  evolve: (count: number) => count + 1,
  decide: (n: number) =>
    Array.from({ length: n }, () => ({ type: 'Added', data: { at: randomUUID() } })),
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

describe('AggregateStore on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aggregates-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const other = new SqliteEventStore(join(dir, 'events.sqlite'));
  const aggregates = new AggregateStore(store, plain);
  afterAll(async () => {
    await store.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a command, appends its events, tells listeners before returning, and folds the state', async () => {
    const told: string[] = [];
    aggregates.onAppend((stream) => told.push(stream));
    const result = await aggregates.handle('count-1', counter, () => 2, { metadata });
    expect(told).toEqual(['count-1']);
    expect(result).toMatchObject({ state: 2, revision: 1 });
    expect(result.position).not.toBeNull();
  });

  it('given a command that changes nothing, appends nothing and tells no one', async () => {
    const told: string[] = [];
    aggregates.onAppend((stream) => told.push(stream));
    const result = await aggregates.handle('count-1', counter, () => 0, { metadata });
    expect(result).toMatchObject({ state: 2, revision: 1, position: null });
    expect(told).toEqual([]);
  });

  it('chains every event onto its predecessor across commands', async () => {
    await aggregates.handle('count-1', counter, () => 3, { metadata });
    const verifier = createChainVerifier();
    const events = await store.readStream('count-1');
    expect(events).toHaveLength(5);
    expect(events.map((event) => verifier.next(event))).toEqual(Array(5).fill(null));
    expect(events[0]?.metadata.previousHash).toBeNull();
    expect(Date.parse(String(events[0]?.metadata.occurredAt))).toBeGreaterThan(0);
    expect(events[3]?.metadata.previousHash).toBe(events[2]?.metadata.hash);
  });

  it('given a write by another process, sees it through the tail and keeps chaining', async () => {
    const elsewhere = new AggregateStore(other, plain);
    await elsewhere.handle('count-1', counter, () => 1, { metadata });
    const result = await aggregates.handle('count-1', counter, () => 1, { metadata });
    expect(result).toMatchObject({ state: 7, revision: 6 });
    const verifier = createChainVerifier();
    expect(
      (await store.readStream('count-1')).every((event) => verifier.next(event) === null),
    ).toBe(true);
  });

  it('given a stale expected revision (If-Match), fails at once', async () => {
    await expect(
      aggregates.handle('count-1', counter, () => 1, { metadata, expectedRevision: 2 }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('given conflicts beyond its attempts and no expected revision, fails as concurrent writes', async () => {
    const conflicting = new AggregateStore(store, plain);
    // Every attempt's command lets another writer append first, so each append conflicts.
    const racing = () =>
      other.append('count-3', [{ id: randomUUID(), type: 'Added', data: {}, metadata }], {
        expectedRevision: 'any',
      });
    await expect(
      conflicting.handle('count-3', counter, async () => (await racing(), 1), {
        metadata,
        maxAttempts: 3,
      }),
    ).rejects.toBeInstanceOf(ConcurrentWritesError);
  });

  it('given concurrent commands without an expected revision, retries and loses none', async () => {
    const writers = [
      new AggregateStore(store, plain),
      new AggregateStore(other, plain),
      new AggregateStore(store, plain),
    ];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        writers[i % 3]?.handle('count-2', counter, () => 1, { metadata, maxAttempts: 20 }),
      ),
    );
    expect(await store.readStream('count-2')).toHaveLength(12);
  });

  it('given 60 concurrent commands on one stream in one process, runs them in turn: none conflicts', async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        aggregates.handle('one-at-a-time', counter, () => 1, { metadata, maxAttempts: 1 }),
      ),
    );
    expect(results.map((result) => result.revision)).toEqual(
      Array.from({ length: 60 }, (_, index) => index),
    );
  });

  it('given a command that fails, the next command on the stream still runs', async () => {
    const failing = aggregates.handle(
      'after-failure',
      counter,
      () => Promise.reject(new Error('no')),
      { metadata },
    );
    const next = aggregates.handle('after-failure', counter, () => 1, { metadata });
    await expect(failing).rejects.toThrow('no');
    await expect(next).resolves.toMatchObject({ revision: 0 });
  });
});
