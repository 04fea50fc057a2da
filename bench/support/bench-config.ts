import { loadConfig, type AppConfig } from '@app/platform/config/config';

/** Lowered from the production default (12) so that registering users does not dominate. */
export const BENCH_BCRYPT_COST = 4;

/**
 * The embedded profile (SQLite event store, read store and data keys) in `dataDir`. The
 * environment is spelled out, not inherited, so a stray EVENT_STORE or MONGO_URL in the
 * shell cannot change what is measured.
 */
export function embeddedConfig(dataDir: string): AppConfig {
  return loadConfig({
    DATA_DIR: dataDir,
    EVENT_STORE: 'sqlite',
    READ_STORE: 'sqlite',
    BCRYPT_COST: String(BENCH_BCRYPT_COST),
  });
}
