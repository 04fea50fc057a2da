import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage, type Storage } from '@app/platform/storage/storage';
import { MongoReadStore } from '@app/read-store/mongo-read-store';
import type { ReadStore } from '@app/read-store/read-store.port';
import { SqliteReadStore } from '@app/read-store/sqlite-read-store';
import { PROJECTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';
import { Projector } from '../apps/projector/src/projector';
import { PROJECTIONS } from '../apps/projector/src/projections';
import { readStoreEnv } from './support/read-store-under-test';
import { seedAccounts } from './support/seed-history';

const PROJECTOR_MAIN = resolve(__dirname, '../dist/apps/projector/src/main.js');

function startProjector(env: Record<string, string>): ChildProcess {
  if (!existsSync(PROJECTOR_MAIN))
    throw new Error(`${PROJECTOR_MAIN} is missing: run npm run build first`);
  return spawn(process.execPath, [PROJECTOR_MAIN], {
    env: { ...process.env, ...env, LOG_LEVEL: 'error', PROJECTOR_PORT: '0' },
    stdio: 'ignore',
  });
}

async function waitFor(
  condition: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('projector crash recovery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
  const env = { DATA_DIR: dataDir, ...readStoreEnv('projector_crash') };
  const config = loadConfig(env);
  let storage: Storage;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // FerretDB projects some hundred events a second: a smaller log still outlives the kill.
    if (config.readStore === 'mongo') await seedAccounts(config, 150, 6);
    else await seedAccounts(config, 1500, 12);
    storage = await openStorage(config);
  }, 120_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a projector killed with SIGKILL mid-run, a restart ends identical to a full rebuild', async () => {
    const head = await storage.eventStore.headPosition();
    const checkpoint = () => storage.readStore.getCheckpoint(PROJECTOR_CHECKPOINT);

    // when the projector is killed while it is still working through the log
    const first = startProjector(env);
    children.push(first);
    await waitFor(async () => ((await checkpoint()) ?? 0n) > 0n, 30_000, 'the first checkpoint');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const atKill = (await checkpoint()) ?? 0n;
    expect(atKill).toBeGreaterThan(0n);
    expect(atKill).toBeLessThan(head);

    // and restarted
    const second = startProjector(env);
    children.push(second);
    // its reactor appends cascade events of its own, so wait until the log stays projected
    let settledSince = 0;
    await waitFor(
      async () => {
        const caughtUp = (await checkpoint()) === (await storage.eventStore.headPosition());
        settledSince = caughtUp ? settledSince || Date.now() : 0;
        return caughtUp && Date.now() - settledSince > 300;
      },
      60_000,
      'the restarted projector to catch up and settle',
    );
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));

    // then its read models equal a rebuild from position 0 into scratch storage
    const scratch: ReadStore =
      config.readStore === 'mongo'
        ? await MongoReadStore.connect(config.mongoUrl as string, `${config.mongoDatabase}_scratch`)
        : new SqliteReadStore(join(dataDir, 'scratch.sqlite'));
    const codec = new PersonalDataCodec(
      new DataKeyRing(storage.dataKeys, loadSecrets(config).masterKey),
    );
    await new Projector(storage.eventStore, scratch, codec, PROJECTIONS).rebuild();
    for (const { collection } of PROJECTIONS) {
      const live = await storage.readStore.all(collection.name);
      const rebuilt = await scratch.all(collection.name);
      expect(live.length).toBeGreaterThan(0);
      expect(live).toEqual(rebuilt);
    }
    await scratch.close();
  }, 180_000);
});
