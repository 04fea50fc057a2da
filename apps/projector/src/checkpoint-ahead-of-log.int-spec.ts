import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { someEvents, uniqueStream } from '@app/event-store/testing/test-events';
import { PROJECTOR_CHECKPOINT, REACTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';
import { SqliteReadStore } from '@app/read-store/sqlite-read-store';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { CheckpointAheadOfLogError, Projector } from './projector';
import { PROJECTIONS } from './projections';
import { Reactor } from './reactions/reactor';

/**
 * A read store that outlived its event log (the log's volume was reset, or the projector
 * points at another store) holds a checkpoint past the log's last event. Subscribing after it
 * would skip every new event below that position while reporting itself live.
 */
describe('a checkpoint ahead of the log', () => {
  let dir: string;
  let events: SqliteEventStore;
  let readStore: SqliteReadStore;
  const codec = new PersonalDataCodec({} as never);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-ahead-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    readStore = new SqliteReadStore(join(dir, 'read-models.sqlite'));
    await events.append(uniqueStream('log'), someEvents(3), { expectedRevision: 'no_stream' });
  });

  afterEach(async () => {
    await events.close();
    await readStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a projector checkpoint past the head, when starting, then it refuses loudly and subscribes to nothing', async () => {
    const head = await events.headPosition();
    await readStore.commit([], { name: PROJECTOR_CHECKPOINT, position: head + 1000n });
    const projector = new Projector(events, readStore, codec, PROJECTIONS);

    const starting = projector.start();

    await expect(starting).rejects.toThrow(CheckpointAheadOfLogError);
    await expect(starting).rejects.toThrow(/ahead of the last event of the log.*--rebuild/);
    expect(projector.currentStatus).not.toBe('live');
    await projector.stop();
  });

  it('given a reactor checkpoint past the head, when starting, then it refuses too', async () => {
    const head = await events.headPosition();
    await readStore.commit([], { name: REACTOR_CHECKPOINT, position: head + 1n });

    await expect(new Reactor(events, readStore, codec, []).start()).rejects.toThrow(
      CheckpointAheadOfLogError,
    );
  });

  it('given a checkpoint at the head, when starting, then it goes live', async () => {
    await readStore.commit([], {
      name: PROJECTOR_CHECKPOINT,
      position: await events.headPosition(),
    });
    const projector = new Projector(events, readStore, codec, PROJECTIONS);

    await projector.start();

    for (const deadline = Date.now() + 5000; projector.currentStatus !== 'live';) {
      if (Date.now() > deadline) throw new Error(`still ${projector.currentStatus}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await projector.stop();
  });

  it('given read models built from a log that is then replaced by a shorter one, a restarted projector refuses', async () => {
    const projector = new Projector(events, readStore, codec, PROJECTIONS);
    await projector.start();
    await waitForStatus(projector, 'live');
    await projector.stop();
    // the log's volume is reset while the read store survives, and the projector follows again
    await events.close();
    rmSync(join(dir, 'events.sqlite'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    await events.append(uniqueStream('new-log'), someEvents(1), { expectedRevision: 'no_stream' });
    const restarted = new Projector(events, readStore, codec, PROJECTIONS);

    await expect(restarted.start()).rejects.toThrow(CheckpointAheadOfLogError);
  });
});

async function waitForStatus(projector: Projector, status: string): Promise<void> {
  for (const deadline = Date.now() + 5000; projector.currentStatus !== status;) {
    if (Date.now() > deadline) throw new Error(`still ${projector.currentStatus}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
