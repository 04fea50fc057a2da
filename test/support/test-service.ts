import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@app/platform/config/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { readStoreEnv, readStoreUnderTest, type ReadStoreKind } from './read-store-under-test';
import { createProjector, type ProjectorProcess } from '../../apps/projector/src/create-projector';

export type { ReadStoreKind } from './read-store-under-test';

export interface TestService {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly config: AppConfig;
  readonly projector: ProjectorProcess;
  close(): Promise<void>;
}

/**
 * The real service on real storage: SQLite files in a fresh directory, the read store of the
 * jest project (SQLite, or MongoDB on the FerretDB that global setup started: see
 * read-store-under-test.ts), an api listening on a free port, and the projector following
 * live. Only the bcrypt cost is lowered, to keep suites fast.
 */
export async function startTestService(
  options: { readStore?: ReadStoreKind; env?: Record<string, string> } = {},
): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'account-keys-'));
  const readStore = options.readStore ?? readStoreUnderTest();
  const config = loadConfig({
    DATA_DIR: dataDir,
    BCRYPT_COST: '4',
    READ_STORE: readStore,
    ...readStoreEnv('service', readStore),
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
