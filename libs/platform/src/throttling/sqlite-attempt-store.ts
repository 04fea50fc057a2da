import Database from 'better-sqlite3';
import { ATTEMPT_RETENTION_MS, type Admission, type AttemptStore } from './attempt-store.port';

const BUSY_TIMEOUT_MS = 5000;

/**
 * Attempts in a small table of a SQLite file shared by every process on the DATA_DIR. Count
 * and insert run in one `BEGIN IMMEDIATE` transaction: SQLite admits one writer at a time,
 * so concurrent attempts from several processes are ranked one after another.
 */
export class SqliteAttemptStore implements AttemptStore {
  private readonly db: Database.Database;
  private readonly admitInTransaction: Database.Transaction<
    (subject: string, at: number, windowStart: number, limit: number) => Admission
  >;
  private readonly statements;

  constructor(filePath: string) {
    this.db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS attempts (subject TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS attempts_by_subject ON attempts (subject, at);
      CREATE INDEX IF NOT EXISTS attempts_by_time ON attempts (at);`);
    this.statements = {
      forgetExpired: this.db.prepare<[string, number]>(
        'DELETE FROM attempts WHERE subject = ? AND at < ?',
      ),
      forgetAncient: this.db.prepare<[number]>('DELETE FROM attempts WHERE at < ?'),
      recent: this.db.prepare<[string, number], { count: number; oldest: number | null }>(
        'SELECT COUNT(*) AS count, MIN(at) AS oldest FROM attempts WHERE subject = ? AND at >= ?',
      ),
      insert: this.db.prepare<[string, number]>('INSERT INTO attempts (subject, at) VALUES (?, ?)'),
      clear: this.db.prepare<[string]>('DELETE FROM attempts WHERE subject = ?'),
    };
    this.admitInTransaction = this.db.transaction((subject, at, windowStart, limit) => {
      this.statements.forgetExpired.run(subject, windowStart);
      this.statements.forgetAncient.run(at - ATTEMPT_RETENTION_MS);
      const recent = this.statements.recent.get(subject, windowStart);
      if (recent && recent.count >= limit) {
        return { admitted: false, oldestAt: recent.oldest ?? at };
      }
      this.statements.insert.run(subject, at);
      return { admitted: true };
    });
  }

  async admit(subject: string, at: number, windowStart: number, limit: number): Promise<Admission> {
    return this.admitInTransaction.immediate(subject, at, windowStart, limit);
  }

  async clear(subject: string): Promise<void> {
    this.statements.clear.run(subject);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
