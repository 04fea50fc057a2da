import { PROFILES } from '@app/read-store/read-models/profile.read-model';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage } from '@app/platform/storage/storage';
import type { EventStore } from '@app/event-store/event-store.port';
import { exportHistory } from '../apps/audit/src/export-history';
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
    const metrics = await replay(EVENTS);
    if (large) metrics.push(...(await replay(LARGE_EVENTS)));
    return metrics;
  },
};

function replay(events: number): Promise<Metric[]> {
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
      return [
        metricOf(written, replayed, profiles, ms, seedMs, memory),
        await auditExport(process_.storage.eventStore, config, written.events),
      ];
    } finally {
      await process_.close();
    }
  });
}

/** `npm run audit -- export` on the same log, its NDJSON counted and dropped. */
async function auditExport(
  eventStore: EventStore,
  config: ReturnType<typeof embeddedConfig>,
  events: number,
): Promise<Metric> {
  const storage = await openStorage(config);
  try {
    const codec = new PersonalDataCodec(
      new DataKeyRing(storage.dataKeys, loadSecrets(config).masterKey),
    );
    let lines = 0;
    let bytes = 0;
    const memory = new MemoryPeak();
    const out = {
      write: async (text: string) => {
        bytes += Buffer.byteLength(text);
        lines += text.split('\n').length - 1;
        memory.sample();
      },
    };
    const started = performance.now();
    await exportHistory({ eventStore, codec }, {}, out);
    const ms = elapsedMs(started);
    return {
      name: `Audit export, ${events.toLocaleString('en-US')} events`,
      value: perSecond(lines, ms),
      unit: 'events/s',
      details:
        `${lines} NDJSON lines, ${round(bytes / 1024 / 1024, 1)} MiB in ${round(ms / 1000)} s ` +
        `(personal fields decrypted, a cold data-key cache); ${memory.describe()}`,
      ok: lines === events,
    };
  } finally {
    await storage.close();
  }
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
