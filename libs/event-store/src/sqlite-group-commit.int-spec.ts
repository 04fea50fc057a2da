import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WrongExpectedRevisionError, type AppendResult } from './event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { subscribeAndRecord, waitUntil } from './testing/recording-handler';
import { anEvent, someEvents } from './testing/test-events';

/**
 * Pages written to the WAL so far. Each transaction writes its own copy of every page it
 * touches (the table, both indexes, the sequence), so one append per transaction writes
 * several frames per event, and a group of appends far fewer.
 */
function walFrames(file: string): number {
  const db = new Database(file);
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    return result?.log ?? 0;
  } finally {
    db.close();
  }
}

describe('SqliteEventStore group commit', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
    file = join(dir, 'events.sqlite');
    store = new SqliteEventStore(file);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given concurrent appends to different streams, commits them together and tells each caller its own position', async () => {
    const streams = Array.from({ length: 50 }, (_, index) => `different-${index}`);
    const results = await Promise.all(
      streams.map((stream) => store.append(stream, [anEvent()], { expectedRevision: 'no_stream' })),
    );

    const positions = results.map((result) => result.position);
    expect(positions).toEqual(positions.map((_, index) => BigInt(index + 1)));
    for (const [index, stream] of streams.entries()) {
      const [stored] = await store.readStream(stream);
      expect(stored?.position).toBe(results[index]?.position);
      expect(stored?.revision).toBe(0);
    }
  });

  it('given 100 concurrent appends, commits them as one transaction', async () => {
    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        store.append(`grouped-${index}`, [anEvent()], { expectedRevision: 'no_stream' }),
      ),
    );
    // One transaction per append writes over 400 frames here; the group writes about 16.
    expect(walFrames(file)).toBeLessThan(100);
  });

  it('given concurrent appends to one stream with the same expected revision, only the first succeeds and only the others fail', async () => {
    await store.append('same', [anEvent()], { expectedRevision: 'no_stream' });
    const settled = await Promise.allSettled(
      Array.from({ length: 5 }, () => store.append('same', [anEvent()], { expectedRevision: 0 })),
    );

    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    for (const outcome of settled.slice(1))
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readStream('same')).map((event) => event.revision)).toEqual([0, 1]);
  });

  it('given concurrent appends to one stream, each expecting the previous one, all succeed in order', async () => {
    const results = await Promise.all(
      [0, 1, 2, 3].map((revision) =>
        store.append('chained', someEvents(2), {
          expectedRevision: revision === 0 ? 'no_stream' : revision * 2 - 1,
        }),
      ),
    );

    expect(results.map((result) => result.nextExpectedRevision)).toEqual([1, 3, 5, 7]);
    expect(results.map((result) => result.position)).toEqual([2n, 4n, 6n, 8n]);
  });

  it('given a conflict and a duplicate id among concurrent appends, the others in the group are stored with contiguous positions', async () => {
    await store.append('taken', [anEvent()], { expectedRevision: 'no_stream' });
    const reused = anEvent();
    await store.append('first-use', [reused], { expectedRevision: 'no_stream' });

    const settled = await Promise.allSettled([
      store.append('ok-1', someEvents(2), { expectedRevision: 'no_stream' }),
      store.append('taken', [anEvent()], { expectedRevision: 'no_stream' }),
      store.append('ok-2', [anEvent()], { expectedRevision: 'any' }),
      store.append('reuse', [anEvent(), reused], { expectedRevision: 'no_stream' }),
      store.append('ok-3', someEvents(3), { expectedRevision: 'no_stream' }),
    ]);

    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(String((settled[3] as PromiseRejectedResult).reason)).toContain('already stored');
    const positions = (settled as PromiseFulfilledResult<AppendResult>[])
      .filter((outcome) => outcome.status === 'fulfilled')
      .map((outcome) => outcome.value.position);
    expect(positions).toEqual([4n, 5n, 8n]);
    const all = await store.readAll({ limit: 100 });
    expect(all.map((event) => event.position)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]);
    expect(await store.readStream('reuse')).toEqual([]);
  });

  it('given many concurrent appenders, a subscriber receives every event once, in position order', async () => {
    const recording = subscribeAndRecord(store, 'start');
    const writers = 16;
    const perWriter = 40;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let index = 0; index < perWriter; index++) {
          await store.append(`writer-${writer}`, [anEvent()], {
            expectedRevision: index === 0 ? 'no_stream' : index - 1,
          });
        }
      }),
    );
    await waitUntil(
      () => recording.events.length >= writers * perWriter,
      'the subscriber has every event',
    );
    await recording.subscription.close();

    const positions = recording.events.map((event) => event.position);
    expect(positions).toEqual(positions.map((_, index) => BigInt(index + 1)));
    for (let writer = 0; writer < writers; writer++) {
      const revisions = recording.events
        .filter((event) => event.stream === `writer-${writer}`)
        .map((event) => event.revision);
      expect(revisions).toEqual(Array.from({ length: perWriter }, (_, index) => index));
    }
  });

  it('given two stores on one file appending concurrently, positions stay unique and contiguous', async () => {
    const other = new SqliteEventStore(file);
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          (index % 2 === 0 ? store : other).append(`both-${index}`, [anEvent()], {
            expectedRevision: 'no_stream',
          }),
        ),
      );
    } finally {
      await other.close();
    }
    const all = await store.readAll({ limit: 100 });
    expect(all.map((event) => event.position)).toEqual(all.map((_, index) => BigInt(index + 1)));
  });

  it('given appends queued when the store closes, they are committed before it closes', async () => {
    const pending = store.append('closing', [anEvent()], { expectedRevision: 'no_stream' });
    await store.close();
    await expect(pending).resolves.toMatchObject({ position: 1n });
    store = new SqliteEventStore(file);
    expect(await store.readStream('closing')).toHaveLength(1);
  });
});
