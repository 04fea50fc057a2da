import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSONAL_FIELDS } from '@app/domain';
import type { EventCodec } from '@app/event-store/event-codec';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { SqliteDataKeyStore } from '@app/platform/data-keys/sqlite-data-key-store';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { encryptField } from '@app/platform/personal-data/field-cipher';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import type { Doc, ReadStore } from '@app/read-store/read-store.port';
import { SqliteReadStore } from '@app/read-store/sqlite-read-store';
import { Projector } from './projector';
import { PROJECTIONS } from './projections';
import { writeMixedHistory } from './testing/mixed-history';

/**
 * The read models a full rebuild produces, first dumped by the projector as it was before the
 * replay was made faster (batched lookups, one envelope per event). Regenerate only on
 * purpose, when a projection changes deliberately, and check the diff: the dump is written
 * from the unbatched path (one event per commit), never from the batched one under test:
 * `UPDATE_REPLAY_FIXTURE=1 npx jest apps/projector/src/projector-replay.int-spec.ts`.
 */
const FIXTURE = join(__dirname, 'testing', 'mixed-history.read-models.json');

type Dump = Record<string, Doc[]>;

async function dump(store: ReadStore): Promise<Dump> {
  const out: Dump = {};
  for (const { collection } of PROJECTIONS) out[collection.name] = await store.all(collection.name);
  return out;
}

describe('Projector replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  const dataKeys = new SqliteDataKeyStore(join(dir, 'keys.sqlite'));
  const ring = new DataKeyRing(dataKeys, randomBytes(32));
  const codec = new PersonalDataCodec(ring);
  const readStores: SqliteReadStore[] = [];
  const newReadStore = () => {
    const store = new SqliteReadStore(join(dir, `read-${readStores.length}.sqlite`));
    readStores.push(store);
    return store;
  };
  let written = 0;

  beforeAll(async () => {
    const history = await writeMixedHistory(events, codec);
    written = history.events;
    for (const userId of history.erasedUserIds) await ring.destroy(userId);
  });

  afterAll(async () => {
    await Promise.all(readStores.map((store) => store.close()));
    await events.close();
    await dataKeys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The read models as the unbatched path makes them: one event, one lookup, one commit. */
  const oneEventPerCommit = async (): Promise<Dump> => {
    const single = newReadStore();
    const oneByOne = new Projector(events, single, codec, PROJECTIONS);
    await oneByOne.prepare();
    for (const event of await events.readAll({ after: 0n, limit: written + 1 }))
      await oneByOne.apply([event]);
    return dump(single);
  };

  it('given a mixed history, a batched rebuild equals applying one event per commit', async () => {
    const batched = newReadStore();
    expect(await new Projector(events, batched, codec, PROJECTIONS).rebuild()).toBe(written);

    const rebuilt = await dump(batched);
    expect(rebuilt).toEqual(await oneEventPerCommit());
    expect(Object.values(rebuilt).flat().length).toBeGreaterThan(written / 2);
  });

  it('given a mixed history, a rebuild produces the read models stored from before', async () => {
    const store = newReadStore();
    await new Projector(events, store, codec, PROJECTIONS).rebuild();
    const rebuilt = await dump(store);
    if (process.env.UPDATE_REPLAY_FIXTURE === '1')
      writeFileSync(FIXTURE, `${JSON.stringify(await oneEventPerCommit(), null, 1)}\n`);
    expect(existsSync(FIXTURE)).toBe(true);
    expect(rebuilt).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  });

  it('given the same history stored one cipher per field (the format before the envelope), a rebuild produces the same read models', async () => {
    const legacyEvents = new SqliteEventStore(join(dir, 'legacy-events.sqlite'));
    try {
      const history = await writeMixedHistory(legacyEvents, perFieldEncoder(ring));
      for (const userId of history.erasedUserIds) await ring.destroy(userId);
      const stored = await legacyEvents.readAll({ after: 0n, limit: 5 });
      expect(stored[0]?.data.email).toMatch(/^pii1\./);
      const store = newReadStore();
      await new Projector(legacyEvents, store, codec, PROJECTIONS).rebuild();
      expect(await dump(store)).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    } finally {
      await legacyEvents.close();
    }
  });
});

/** Today's encoder before the envelope: every personal field its own `pii1.` ciphertext. */
function perFieldEncoder(ring: DataKeyRing): EventCodec {
  return {
    async encode(event) {
      const fields = PERSONAL_FIELDS[event.type];
      if (!fields) return event;
      const userId = String(event.data.userId);
      const key = await ring.getOrCreate(userId);
      const data: Record<string, unknown> = { ...event.data };
      for (const field of fields)
        if (typeof data[field] === 'string')
          data[field] = encryptField(key, `${userId}|${event.type}|${field}`, data[field]);
      return { type: event.type, data };
    },
    decode: () => Promise.reject(new Error('encode only')),
  };
}
