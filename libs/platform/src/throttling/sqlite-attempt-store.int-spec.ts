import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAttemptStoreContract } from './attempt-store.contract';
import { SqliteAttemptStore } from './sqlite-attempt-store';

describeAttemptStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-attempts-'));
  const store = new SqliteAttemptStore(join(dir, 'attempts.sqlite'));
  const other = new SqliteAttemptStore(join(dir, 'attempts.sqlite'));
  return {
    store,
    other,
    cleanup: async () => {
      await store.close();
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
