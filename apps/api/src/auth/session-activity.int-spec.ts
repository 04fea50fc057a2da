import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoReadStore } from '@app/read-store/mongo-read-store';
import type { ReadStore } from '@app/read-store/read-store.port';
import {
  SESSION_ACTIVITY,
  type SessionActivityDocument,
} from '@app/read-store/read-models/session.read-model';
import { SqliteReadStore } from '@app/read-store/sqlite-read-store';
import { mongoUrl } from '../../../../test/support/mongo-test-database';
import { SessionActivity } from './session-activity';

const at = (time: string) => new Date(`2026-01-01T${time}Z`);

type Opened = { store: ReadStore; cleanup: () => void };

describe.each<[string, () => Promise<Opened>]>([
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'session-activity-'));
      const store = new SqliteReadStore(join(dir, 'read-models.sqlite'));
      return { store, cleanup: (): void => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'MongoDB',
    async () => {
      const store = await MongoReadStore.connect(
        mongoUrl(),
        `activity_${randomUUID().slice(0, 8)}`,
      );
      return { store, cleanup: (): void => undefined };
    },
  ],
])('SessionActivity on %s', (_name, open) => {
  let store: ReadStore;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ store, cleanup } = await open());
  });
  afterEach(async () => {
    await store.close();
    cleanup();
  });

  it('writes nothing per request: minutes stay in memory until a flush, then the latest is stored', async () => {
    const activity = new SessionActivity(store);
    await store.ensureCollection(SESSION_ACTIVITY);
    activity.record('s1', at('10:01:30'));
    activity.record('s1', at('10:03:59'));
    activity.record('s1', at('10:02:00')); // late: an older minute never wins
    expect(await store.get(SESSION_ACTIVITY.name, 's1')).toBeNull();
    expect(activity.lastSeenAt('s1', null)).toBe('2026-01-01T10:03:00.000Z');

    await activity.flush();
    expect(await store.get<SessionActivityDocument>(SESSION_ACTIVITY.name, 's1')).toMatchObject({
      lastSeenAt: '2026-01-01T10:03:00.000Z',
    });
  });

  it('keeps the latest minute whichever instance writes last', async () => {
    const [a, b] = [new SessionActivity(store), new SessionActivity(store)];
    await store.ensureCollection(SESSION_ACTIVITY);
    a.record('s1', at('10:05:00'));
    b.record('s1', at('10:04:00'));
    await a.flush();
    await b.flush();
    const stored = await store.get<SessionActivityDocument>(SESSION_ACTIVITY.name, 's1');
    expect(stored?.lastSeenAt).toBe('2026-01-01T10:05:00.000Z');
    expect(b.lastSeenAt('s1', stored?.lastSeenAt ?? null)).toBe('2026-01-01T10:05:00.000Z');
  });
});
