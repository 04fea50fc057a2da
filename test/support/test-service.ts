import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@app/platform/config/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { mongoUrl } from './mongo-test-database';
import { createProjector, type ProjectorProcess } from '../../apps/projector/src/create-projector';

export type ReadStoreKind = 'sqlite' | 'mongo';

export interface TestService {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly config: AppConfig;
  readonly projector: ProjectorProcess;
  close(): Promise<void>;
}

/**
 * The real service on real storage: SQLite files in a fresh directory, optionally the read
 * store on the FerretDB that global setup started, an api listening on a free port, and the
 * projector following live. Only the bcrypt cost is lowered, to keep suites fast.
 */
export async function startTestService(
  options: { readStore?: ReadStoreKind; env?: Record<string, string> } = {},
): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'account-keys-'));
  const readStore = options.readStore ?? 'sqlite';
  const config = loadConfig({
    DATA_DIR: dataDir,
    BCRYPT_COST: '4',
    READ_STORE: readStore,
    ...(readStore === 'mongo'
      ? { MONGO_URL: mongoUrl(), MONGO_DATABASE: `e2e_${randomUUID().slice(0, 8)}` }
      : {}),
    ...keysFor(readStore),
    ...options.env,
  });
  const projector = await createProjector(config);
  await projector.start();
  const { app } = await createApiApp(config, false);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataDir,
    config,
    projector,
    async close() {
      await app.close();
      await projector.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The distributed read store needs configured secrets; the embedded one generates its own. */
function keysFor(readStore: ReadStoreKind): Record<string, string> {
  if (readStore === 'sqlite') return {};
  return {
    PEPPER: randomBytes(32).toString('base64'),
    MASTER_KEY: randomBytes(32).toString('base64'),
  };
}
