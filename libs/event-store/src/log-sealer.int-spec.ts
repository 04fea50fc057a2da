import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, RecordedEvent } from './event-store.port';
import { chain } from './integrity';
import { LogSealer } from './log-sealer';
import { createSealVerifier, isSeal, SEAL_STREAM } from './seal';
import { SqliteEventStore } from './sqlite-event-store';

const metadata = {
  correlationId: 'c',
  causationId: 'c',
  actor: { type: 'system', id: 't' },
} as const;

async function appendOne(store: EventStore, stream: string): Promise<void> {
  const [event] = chain(
    [{ id: randomUUID(), stream, revision: 0, type: 'Happened', data: {}, metadata }],
    null,
  );
  const { id, type, data, metadata: chained } = event as NonNullable<typeof event>;
  await store.append(stream, [{ id, type, data, metadata: chained }], {
    expectedRevision: 'no_stream',
  });
}

const everything = (store: EventStore): Promise<RecordedEvent[]> =>
  store.readAll({ limit: 100_000 });

const until = async (condition: () => Promise<boolean>) => {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('timed out');
};

describe('LogSealer on a shared SQLite log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'log-sealer-'));
  const file = join(dir, 'events.sqlite');
  const writer = new SqliteEventStore(file);
  afterAll(async () => {
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given two sealers racing on two connections, seals every 10 events in one unforked chain that verifies', async () => {
    const stores = [new SqliteEventStore(file), new SqliteEventStore(file)];
    const sealers = stores.map(
      (store) => new LogSealer(store, { maxEvents: 10, intervalMs: 3_600_000 }),
    );
    await Promise.all(sealers.map((sealer) => sealer.start()));
    for (let i = 0; i < 95; i++) await appendOne(writer, `s-${i}`);
    await until(async () => (await writer.readStream(SEAL_STREAM)).length >= 9);
    await sealers[0]?.sealNow();
    await Promise.all(sealers.map((sealer) => sealer.stop()));
    await Promise.all(stores.map((store) => store.close()));

    const log = await everything(writer);
    const seals = log.filter(isSeal);
    expect(seals.map((seal) => seal.revision)).toEqual(seals.map((_, index) => index));
    const verifier = createSealVerifier();
    for (const event of log) expect(verifier.next(event)).toBeNull();
    // Every event but the latest seals is covered.
    const unsealed = log.filter((event) => !isSeal(event) && event.position > verifier.sealedUpTo);
    expect(unsealed).toEqual([]);
  });

  it('given events its subscription has not delivered yet, sealNow seals them all the same', async () => {
    // Another connection's commits reach this store's subscription on its next poll only,
    // an hour away here: like a subscription busy with an earlier batch.
    const slow = new SqliteEventStore(file, { pollIntervalMs: 3_600_000 });
    const sealer = new LogSealer(slow, { maxEvents: 1_000, intervalMs: 3_600_000 });
    try {
      await sealer.start();
      for (let i = 0; i < 5; i++) await appendOne(writer, `undelivered-${i}`);
      await sealer.sealNow();
    } finally {
      await sealer.stop();
      await slow.close();
    }

    const log = await everything(writer);
    const verifier = createSealVerifier();
    for (const event of log) expect(verifier.next(event)).toBeNull();
    const unsealed = log.filter((event) => !isSeal(event) && event.position > verifier.sealedUpTo);
    expect(unsealed).toEqual([]);
  });

  it('given unsealed events and no more coming, seals them on its timer', async () => {
    const sealer = new LogSealer(writer, { maxEvents: 1_000, intervalMs: 20 });
    await sealer.start();
    const before = (await writer.readStream(SEAL_STREAM)).length;
    await appendOne(writer, 'timer-1');
    await until(async () => (await writer.readStream(SEAL_STREAM)).length === before + 1);
    // Only its own seal is new: nothing more to seal.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await writer.readStream(SEAL_STREAM)).length).toBe(before + 1);
    await sealer.stop();
  });
});
