import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventStore, EventToAppend, StreamRevision } from '@app/event-store/event-store.port';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { atLeast, type Benchmark, type Metric } from './benchmark';
import { elapsedMs, perSecond, round } from './support/stats';
import { withTempDir } from './support/temp-dir';

const SEQUENTIAL = { events: 10_000, streams: 1_000, perAppend: 1, writers: 1 };
const CONCURRENT = { events: 40_000, streams: 1_000, perAppend: 1, writers: 16 };
const BATCHED = { events: 20_000, streams: 20, perAppend: 100, writers: 1 };
const AIM_SINGLE_EVENTS_PER_SECOND = 15_000;

interface Shape {
  readonly events: number;
  readonly streams: number;
  readonly perAppend: number;
  /** Callers appending at the same time, each awaiting its own append before the next. */
  readonly writers: number;
}

/**
 * SqliteEventStore.append on a temp file, no api in between: each call carries the exact
 * expected revision of its stream. Writers own disjoint streams and visit them round-robin;
 * concurrent writers are how a busy api appends, and what group commit serves.
 */
export const eventStoreAppend: Benchmark = {
  name: 'event-store-append',
  run: () =>
    withTempDir('append', async (dir) => {
      const concurrent = await measure(
        join(dir, 'concurrent.sqlite'),
        `Event store appends, 1 event per call, ${CONCURRENT.writers} concurrent callers`,
        CONCURRENT,
      );
      return [
        {
          ...concurrent,
          aim: atLeast(concurrent.value, AIM_SINGLE_EVENTS_PER_SECOND, 'events/s'),
        },
        await measure(
          join(dir, 'single.sqlite'),
          'Event store appends, 1 event per call, 1 caller',
          SEQUENTIAL,
        ),
        await measure(
          join(dir, 'batched.sqlite'),
          'Event store appends, 100 events per call',
          BATCHED,
        ),
      ];
    }),
};

async function measure(file: string, name: string, shape: Shape): Promise<Metric> {
  const store = new SqliteEventStore(file);
  try {
    const perWriter = Array.from({ length: shape.writers }, (_, writer) =>
      prepareBatches({
        ...shape,
        events: shape.events / shape.writers,
        streams: shape.streams / shape.writers,
      }).map((batch) => ({ ...batch, writer })),
    );
    const appends = perWriter.reduce((sum, batches) => sum + batches.length, 0);
    const started = performance.now();
    await Promise.all(perWriter.map((batches) => appendInTurn(store, batches)));
    const ms = elapsedMs(started);
    const stored = Number(await store.headPosition());
    return {
      name,
      value: perSecond(shape.events, ms),
      unit: 'events/s',
      details:
        `${shape.events} events in ${appends} appends over ${shape.streams} streams ` +
        `(${perSecond(appends, ms)} appends/s), exact expected revisions, ` +
        `${jsonBytes(perWriter[0] ?? [])} B of JSON per event; ${round(ms / 1000)} s`,
      ok: stored === shape.events,
    };
  } finally {
    await closeQuietly(store);
  }
}

async function appendInTurn(
  store: EventStore,
  batches: readonly { stream: string; events: EventToAppend[] }[],
): Promise<void> {
  const revisions = new Map<string, StreamRevision>();
  for (const { stream, events } of batches) {
    const expectedRevision = revisions.get(stream) ?? 'no_stream';
    const result = await store.append(stream, events, { expectedRevision });
    revisions.set(stream, result.nextExpectedRevision);
  }
}

/** Built before the clock starts: ids and payloads are not what is measured. */
function prepareBatches(shape: Shape): { stream: string; events: EventToAppend[] }[] {
  const streams = Array.from({ length: shape.streams }, () => `account-${randomUUID()}`);
  const batches: { stream: string; events: EventToAppend[] }[] = [];
  for (let first = 0; first < shape.events; first += shape.perAppend) {
    const stream = streams[batches.length % streams.length] as string;
    const count = Math.min(shape.perAppend, shape.events - first);
    batches.push({ stream, events: Array.from({ length: count }, () => nameChanged(stream)) });
  }
  return batches;
}

/** Shaped like a stored NameChanged: both names sealed in one AES-GCM envelope, base64url. */
function nameChanged(stream: string): EventToAppend {
  const userId = stream.slice('account-'.length);
  const envelope = `pii2.firstName,lastName.${randomBytes(12 + 40 + 16).toString('base64url')}`;
  const requestId = randomUUID();
  return {
    id: randomUUID(),
    type: 'NameChanged',
    data: { userId, pii: envelope, changedAt: new Date().toISOString() },
    metadata: {
      correlationId: requestId,
      causationId: requestId,
      actor: { type: 'user', id: userId },
    },
  };
}

/** Size of the data and metadata columns of one event. */
function jsonBytes(batches: readonly { events: readonly EventToAppend[] }[]): number {
  const sample = batches[0]?.events[0];
  return sample
    ? Buffer.byteLength(JSON.stringify(sample.data) + JSON.stringify(sample.metadata))
    : 0;
}

async function closeQuietly(store: EventStore): Promise<void> {
  await store.close().catch(() => undefined);
}
