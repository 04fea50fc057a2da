import Database from 'better-sqlite3';
import type { DataKeyStore } from './data-key-store.port';

const BUSY_TIMEOUT_MS = 5000;

type CheckpointResult = { busy: number; log: number; checkpointed: number };

/**
 * Data keys in their own table of a SQLite file. Destroying a key must leave no copy on
 * disk: `secure_delete` zeroes the freed bytes in the database pages, and a truncating WAL
 * checkpoint afterwards removes the older page images that still hold the key.
 */
export class SqliteDataKeyStore implements DataKeyStore {
  private readonly db: Database.Database;
  private readonly insertIfMissing: Database.Statement<[string, string]>;
  private readonly selectKey: Database.Statement<[string], { wrapped_key: string }>;
  private readonly deleteKey: Database.Statement<[string]>;
  private readonly deleteKeyIfUnchanged: Database.Statement<[string, string]>;

  constructor(filePath: string) {
    this.db = new Database(filePath);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.pragma('secure_delete = ON');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS data_keys (subject_id TEXT PRIMARY KEY, wrapped_key TEXT NOT NULL)',
    );
    this.insertIfMissing = this.db.prepare(
      'INSERT INTO data_keys (subject_id, wrapped_key) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    this.selectKey = this.db.prepare('SELECT wrapped_key FROM data_keys WHERE subject_id = ?');
    this.deleteKey = this.db.prepare('DELETE FROM data_keys WHERE subject_id = ?');
    this.deleteKeyIfUnchanged = this.db.prepare(
      'DELETE FROM data_keys WHERE subject_id = ? AND wrapped_key = ?',
    );
  }

  async create(subjectId: string, wrappedKey: string): Promise<string> {
    // Insert and read back in one transaction so the key returned is the one stored.
    return this.db.transaction(() => {
      this.insertIfMissing.run(subjectId, wrappedKey);
      return this.requireKey(subjectId);
    })();
  }

  async get(subjectId: string): Promise<string | null> {
    return this.selectKey.get(subjectId)?.wrapped_key ?? null;
  }

  async destroy(subjectId: string): Promise<void> {
    this.deleteKey.run(subjectId);
    this.truncateWal();
  }

  async destroyIfUnchanged(subjectId: string, wrappedKey: string): Promise<boolean> {
    const { changes } = this.deleteKeyIfUnchanged.run(subjectId, wrappedKey);
    this.truncateWal();
    return changes > 0;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private requireKey(subjectId: string): string {
    const row = this.selectKey.get(subjectId);
    if (!row) throw new Error(`Data key for "${subjectId}" vanished while it was created`);
    return row.wrapped_key;
  }

  /** Fails loudly when a reader blocks the checkpoint: the old pages would stay on disk. */
  private truncateWal(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
    if (result?.busy) {
      throw new Error('Data key deleted, but the WAL could not be truncated; destroy it again');
    }
  }
}
