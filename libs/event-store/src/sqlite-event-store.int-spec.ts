import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from './event-store.port';
import { describeEventStoreContract } from './event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';
import { pause, subscribeAndRecord, waitUntil } from './testing/recording-handler';
import { anEvent, idsOf, isStrictlyIncreasing } from './testing/test-events';

const APPEND_WORKER = join(__dirname, 'testing', 'append-worker.js');

function aTemporaryStoreFile(): { file: string; remove: () => void } {
  const directory = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
  return {
    file: join(directory, 'events.sqlite'),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

describeEventStoreContract('SqliteEventStore', async () => {
  const { file, remove } = aTemporaryStoreFile();
  const store = new SqliteEventStore(file);
  return {
    store,
    createAnother: async () => new SqliteEventStore(file),
    cleanup: async () => {
      await store.close();
      remove();
    },
  };
});

describe('SqliteEventStore', () => {
  let file: string;
  let remove: () => void;
  let store: SqliteEventStore;

  beforeEach(() => {
    ({ file, remove } = aTemporaryStoreFile());
    store = new SqliteEventStore(file);
  });

  afterEach(async () => {
    await store.close();
    remove();
  });

  it('given an empty store, when asking for the head, then it is 0n', async () => {
    expect(await store.headPosition()).toBe(0n);
  });

  it('given an append, when asking for the head, then it is exactly that append position', async () => {
    const appended = await store.append('head-exact', [anEvent()], {
      expectedRevision: 'no_stream',
    });

    expect(await store.headPosition()).toBe(appended.position);
  });

  it('when the store opens a file, then the file is in WAL mode', () => {
    const inspector = new Database(file, { readonly: true });
    try {
      expect(inspector.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      inspector.close();
    }
  });

  it('given a stored event id, when appending it again elsewhere, then it fails', async () => {
    const event = anEvent();
    await store.append('duplicate-a', [event], { expectedRevision: 'no_stream' });

    const appending = store.append('duplicate-b', [event], { expectedRevision: 'no_stream' });

    await expect(appending).rejects.toThrow('an event id is already stored');
    expect(await store.readStream('duplicate-b')).toEqual([]);
  });

  it('given a subscriber on another instance, when appending, then events arrive within a few milliseconds', async () => {
    const subscriberStore = new SqliteEventStore(file);
    const recording = subscribeAndRecord(subscriberStore, 'now');
    await waitUntil(recording.isLive, 'the subscription is live');
    const latenciesMs: number[] = [];

    for (let revision = 0; revision < 20; revision += 1) {
      const startedAt = performance.now();
      await store.append('latency', [anEvent()], {
        expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
      });
      await waitUntil(() => recording.events.length === revision + 1, 'the event arrives', 1_000);
      latenciesMs.push(performance.now() - startedAt);
    }

    await recording.subscription.close();
    await subscriberStore.close();
    // The median, not the maximum: a loaded CI machine may stall any single sample.
    expect(median(latenciesMs)).toBeLessThan(25);
  });

  it('given several processes appending at once, then a subscriber gets every event once, in commit order', async () => {
    const workers = ['w1', 'w2', 'w3', 'w4'];
    const appendsPerWorker = 40;
    const eventsPerAppendRound = 4; // two in its own stream, one loose, one in the shared stream
    const expectedCount = workers.length * appendsPerWorker * eventsPerAppendRound;
    const recording = subscribeAndRecord(store, 'start');
    const startAt = Date.now() + 500;

    const outcomes = await Promise.all(
      workers.map((name) => runAppendWorker(file, name, appendsPerWorker, 'shared', startAt)),
    );

    expect(outcomes).toEqual(workers.map(() => ({ exitCode: 0, stderr: '' })));
    await waitUntil(() => recording.events.length >= expectedCount, 'every event arrives');
    await pause(50);
    const delivered = recording.events;
    expect(delivered).toHaveLength(expectedCount);
    expect(new Set(idsOf(delivered)).size).toBe(expectedCount);
    expect(isStrictlyIncreasing(delivered.map((event) => event.position))).toBe(true);
    const byStream = revisionsByStream(delivered);
    expect(byStream.size).toBe(workers.length * 2 + 1);
    expect(byStream.get('shared')).toHaveLength(workers.length * appendsPerWorker);
    for (const [stream, revisions] of byStream) {
      expect({ stream, revisions }).toEqual({
        stream,
        revisions: revisions.map((_, index) => index),
      });
    }
    expect(idsOf(await store.readAll({ limit: expectedCount + 1 }))).toEqual(idsOf(delivered));
  });
});

interface WorkerOutcome {
  readonly exitCode: number | null;
  readonly stderr: string;
}

function runAppendWorker(
  file: string,
  name: string,
  appendCount: number,
  sharedStream: string,
  startAt: number,
): Promise<WorkerOutcome> {
  const args = [APPEND_WORKER, file, name, String(appendCount), sharedStream, String(startAt)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stderr }));
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function revisionsByStream(events: readonly RecordedEvent[]): Map<string, number[]> {
  const byStream = new Map<string, number[]>();
  for (const event of events) {
    byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event.revision]);
  }
  return byStream;
}
