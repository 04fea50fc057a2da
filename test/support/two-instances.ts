import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpClient, type HttpClient } from './http-client';
import { mongoUrl } from './mongo-test-database';
import {
  API_MAIN,
  freePort,
  PROJECTOR_MAIN,
  startProcess,
  waitForHealth,
  type ServiceProcess,
} from './service-processes';
import type { ReadStoreKind } from './test-service';

export interface TwoInstances {
  readonly a: HttpClient;
  readonly b: HttpClient;
  readonly dataDir: string;
  readonly processes: readonly ServiceProcess[];
  stop(): Promise<void>;
}

/**
 * `npm run start:api` twice and the projector, as separate processes on one DATA_DIR (and,
 * for the mongo read store, one database on the FerretDB that global setup started).
 */
export async function startTwoInstances(
  readStore: ReadStoreKind,
  env: Record<string, string> = {},
): Promise<TwoInstances> {
  const dataDir = mkdtempSync(join(tmpdir(), 'two-instances-'));
  const shared = { DATA_DIR: dataDir, BCRYPT_COST: '4', ...readStoreEnv(readStore), ...env };
  const [portA, portB] = [await freePort(), await freePort()];
  const processes = [
    startProcess(API_MAIN, { ...shared, PORT: String(portA) }),
    startProcess(API_MAIN, { ...shared, PORT: String(portB) }),
    startProcess(PROJECTOR_MAIN, shared),
  ];
  const stop = async () => {
    await Promise.all(processes.map((process) => process.stop()));
  };
  try {
    await waitForHealth(`http://127.0.0.1:${portA}`);
    await waitForHealth(`http://127.0.0.1:${portB}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    a: httpClient(`http://127.0.0.1:${portA}`),
    b: httpClient(`http://127.0.0.1:${portB}`),
    dataDir,
    processes,
    async stop() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readStoreEnv(readStore: ReadStoreKind): Record<string, string> {
  if (readStore === 'sqlite') return {};
  return {
    READ_STORE: 'mongo',
    MONGO_URL: mongoUrl(),
    MONGO_DATABASE: `two_${randomUUID().slice(0, 8)}`,
    PEPPER: randomBytes(32).toString('base64'),
    MASTER_KEY: randomBytes(32).toString('base64'),
  };
}

/** Polls until `request` answers 200: B reads what A wrote only once the projector has it. */
export async function waitUntilOk(request: () => Promise<{ status: number }>): Promise<void> {
  for (let tries = 0; (await request()).status !== 200; tries++) {
    if (tries > 400) throw new Error('the read model never caught up');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
