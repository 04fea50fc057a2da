import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventStore, EventToAppend, StreamRevision } from '@app/event-store/event-store.port';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import type { Benchmark, Metric } from './benchmark';
import { elapsedMs, perSecond, round } from './support/stats';
import { withTempDir } from './support/temp-dir';

const SINGLE = { events: 20_000, streams: 1_000, perAppend: 1 };
const BATCHED = { events: 20_000, streams: 20, perAppend: 100 };

interface Shape {
  readonly events: number;
  readonly streams: number;
  readonly perAppend: number;
}

/**
 * SqliteEventStore.append on a temp file, no api in between: each call carries the exact
 * expected revision of its stream, and the streams are visited round-robin.
 */
export const eventStoreAppend: Benchmark = {
  name: 'event-store-append',
  run: () =>
    withTempDir('append', async (dir) => [
      await measure(join(dir, 'single.sqlite'), 'Event store appends, 1 event per call', SINGLE),
      await measure(
        join(dir, 'batched.sqlite'),
        'Event store appends, 100 events per call',
        BATCHED,
      ),
    ]),
};

async function measure(file: string, name: string, shape: Shape): Promise<Metric> {
  const store = new SqliteEventStore(file);
  try {
    const batches = prepareBatches(shape);
    const revisions = new Map<string, StreamRevision>();
    const started = performance.now();
    for (const { stream, events } of batches) {
      const expectedRevision = revisions.get(stream) ?? 'no_stream';
      const result = await store.append(stream, events, { expectedRevision });
      revisions.set(stream, result.nextExpectedRevision);
    }
    const ms = elapsedMs(started);
    const stored = Number(await store.headPosition());
    return {
      name,
      value: perSecond(shape.events, ms),
      unit: 'events/s',
      details:
        `${shape.events} events in ${batches.length} appends over ${shape.streams} streams ` +
        `(${perSecond(batches.length, ms)} appends/s), exact expected revisions, ` +
        `${jsonBytes(batches)} B of JSON per event; ${round(ms / 1000)} s`,
      ok: stored === shape.events,
    };
  } finally {
    await closeQuietly(store);
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

/** Shaped like a stored NameChanged: the personal fields are AES-GCM ciphertext in base64url. */
function nameChanged(stream: string): EventToAppend {
  const userId = stream.slice('account-'.length);
  const ciphertext = () => `pii1.${randomBytes(12 + 8 + 16).toString('base64url')}`;
  const requestId = randomUUID();
  return {
    id: randomUUID(),
    type: 'NameChanged',
    data: {
      userId,
      firstName: ciphertext(),
      lastName: ciphertext(),
      changedAt: new Date().toISOString(),
    },
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
