import { PROFILES } from '@app/read-store/read-models/profile.read-model';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage } from '@app/platform/storage/storage';
import { createProjector } from '../apps/projector/src/create-projector';
import { atLeast, type Benchmark, type Metric } from './benchmark';
import { HISTORY_SHAPE, writeAccountHistory, type WrittenHistory } from './support/account-history';
import { embeddedConfig } from './support/bench-config';
import { MemoryPeak } from './support/memory';
import { elapsedMs, perSecond, round } from './support/stats';
import { withTempDir } from './support/temp-dir';

const EVENTS = 100_000;
const LARGE_EVENTS = 1_000_000;
const AIM_EVENTS_PER_SECOND = 60_000;

/**
 * A full projector rebuild over exactly EVENTS account events (and LARGE_EVENTS with
 * --large). The log is written first with the real codec (personal fields encrypted); the
 * projector is then opened the way its process opens it, so its data-key cache starts cold.
 * Memory is the process's peak while replaying, sampled after every batch.
 */
export const projectorReplay: Benchmark = {
  name: 'projector-replay',
  run: async ({ large }) => {
    const metrics = [await replay(EVENTS)];
    if (large) metrics.push(await replay(LARGE_EVENTS));
    return metrics;
  },
};

function replay(events: number): Promise<Metric> {
  return withTempDir('replay', async (dataDir) => {
    const config = embeddedConfig(dataDir);
    const seedStarted = performance.now();
    const written = await seed(config, events);
    const seedMs = elapsedMs(seedStarted);
    const process_ = await createProjector(config);
    try {
      const memory = new MemoryPeak();
      const started = performance.now();
      const replayed = await process_.projector.rebuild(() => memory.sample());
      const ms = elapsedMs(started);
      const profiles = (await process_.storage.readStore.all(PROFILES.name)).length;
      return metricOf(written, replayed, profiles, ms, seedMs, memory);
    } finally {
      await process_.close();
    }
  });
}

async function seed(
  config: ReturnType<typeof embeddedConfig>,
  events: number,
): Promise<WrittenHistory> {
  const storage = await openStorage(config);
  try {
    const keys = new DataKeyRing(storage.dataKeys, loadSecrets(config).masterKey);
    return await writeAccountHistory(storage.eventStore, new PersonalDataCodec(keys), events);
  } finally {
    await storage.close();
  }
}

function metricOf(
  written: WrittenHistory,
  replayed: number,
  profiles: number,
  ms: number,
  seedMs: number,
  memory: MemoryPeak,
): Metric {
  const value = perSecond(replayed, ms);
  return {
    name: `Projector replay (rebuild), ${replayed.toLocaleString('en-US')} events`,
    value,
    unit: 'events/s',
    details:
      `${written.accounts} accounts (${HISTORY_SHAPE}), replayed in ${round(ms / 1000)} s ` +
      `-> ${profiles} profiles; ${memory.describe()}; seeding took ${round(seedMs / 1000)} s`,
    ok: replayed === written.events && profiles === written.liveAccounts,
    aim: atLeast(value, AIM_EVENTS_PER_SECOND, 'events/s'),
  };
}
