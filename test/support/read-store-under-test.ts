import { randomBytes, randomUUID } from 'node:crypto';
import { mongoUrl } from './mongo-test-database';

export type ReadStoreKind = 'sqlite' | 'mongo';

/**
 * The read store every e2e suite runs on. jest.config.js runs the e2e files twice, as the
 * projects `e2e` (SQLite) and `e2e-mongo`, whose setup file sets `E2E_READ_STORE=mongo`; a
 * suite picks it up by starting its service through `startTestService` or by adding
 * `readStoreEnv(...)` to the environment of the processes it spawns.
 */
export function readStoreUnderTest(): ReadStoreKind {
  const chosen = process.env.E2E_READ_STORE ?? 'sqlite';
  if (chosen !== 'sqlite' && chosen !== 'mongo')
    throw new Error(`E2E_READ_STORE must be sqlite or mongo (got "${chosen}")`);
  return chosen;
}

/**
 * Environment for one service (every process of it, and its audit runs): nothing for SQLite;
 * for MongoDB the FerretDB of global setup, a database of its own, and the secrets the
 * distributed read store requires. Call it once per service and share the result.
 */
export function readStoreEnv(
  label: string,
  readStore: ReadStoreKind = readStoreUnderTest(),
): Record<string, string> {
  if (readStore === 'sqlite') return {};
  return {
    READ_STORE: 'mongo',
    MONGO_URL: mongoUrl(),
    MONGO_DATABASE: `e2e_${label.replace(/[^a-z0-9_]/gi, '_')}_${randomUUID().slice(0, 8)}`,
    PEPPER: randomBytes(32).toString('base64'),
    MASTER_KEY: randomBytes(32).toString('base64'),
  };
}
