import { PROFILES } from '@app/read-store/read-models/profile.read-model';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage } from '@app/platform/storage/storage';
import { createProjector } from '../apps/projector/src/create-projector';
import type { Benchmark, Metric } from './benchmark';
import { HISTORY_SHAPE, writeAccountHistory, type WrittenHistory } from './support/account-history';
import { embeddedConfig } from './support/bench-config';
import { elapsedMs, perSecond, round } from './support/stats';
import { withTempDir } from './support/temp-dir';

const EVENTS = 100_000;
const AIM_EVENTS_PER_SECOND = 20_000;

/**
 * A full projector rebuild over exactly EVENTS account events. The log is written first
 * with the real codec (personal fields encrypted); the projector is then opened the way
 * its process opens it, so its data-key cache starts cold.
 */
export const projectorReplay: Benchmark = {
  name: 'projector-replay',
  run: () =>
    withTempDir('replay', async (dataDir) => {
      const config = embeddedConfig(dataDir);
      const seedStarted = performance.now();
      const written = await seed(config);
      const seedMs = elapsedMs(seedStarted);
      const process_ = await createProjector(config);
      try {
        const started = performance.now();
        const replayed = await process_.projector.rebuild();
        const ms = elapsedMs(started);
        const profiles = (await process_.storage.readStore.all(PROFILES.name)).length;
        return [metricOf(written, replayed, profiles, ms, seedMs)];
      } finally {
        await process_.close();
      }
    }),
};

async function seed(config: ReturnType<typeof embeddedConfig>): Promise<WrittenHistory> {
  const storage = await openStorage(config);
  try {
    const keys = new DataKeyRing(storage.dataKeys, loadSecrets(config).masterKey);
    return await writeAccountHistory(storage.eventStore, new PersonalDataCodec(keys), EVENTS);
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
): Metric {
  const value = perSecond(replayed, ms);
  const aim = value >= AIM_EVENTS_PER_SECOND ? 'met' : 'NOT met';
  return {
    name: 'Projector replay (rebuild)',
    value,
    unit: 'events/s',
    details:
      `${replayed} events, ${written.accounts} accounts (${HISTORY_SHAPE}), ` +
      `replayed in ${round(ms / 1000)} s -> ${profiles} profiles; aim >= ${AIM_EVENTS_PER_SECOND}: ${aim}; ` +
      `seeding took ${round(seedMs / 1000)} s`,
    ok: replayed === written.events && profiles === written.liveAccounts,
  };
}
