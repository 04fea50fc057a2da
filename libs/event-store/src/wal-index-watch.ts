import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';

/** Both copies of the wal-index header (https://sqlite.org/walformat.html, "The WAL-Index Header"). */
const HEADER_BYTES = 96;

/**
 * `PRAGMA data_version` for a WAL-mode SQLite file, at the price of one 96-byte read while
 * nothing has changed.
 *
 * The pragma opens a read transaction, which takes and releases shared-memory locks: 2 µs
 * alone and about 5 µs on a loaded api, paid by every key-authenticated request (the
 * freshness check of the credential cache). Every commit, by any process, rewrites the
 * wal-index header at the start of the `-shm` file before it returns (the header's `iChange`
 * counter moves, and with it its checksum), and so do WAL resets after a checkpoint. So while
 * those 96 bytes are the ones read just before the last pragma, no commit can have become
 * visible since, and the pragma's answer stands. Any other bytes (a commit, a reset, a read
 * torn by a concurrent update) only send the check back to the pragma. Reading the file
 * through the page cache sees what SQLite wrote through its shared mapping (Linux and macOS
 * share one page cache); the file is neither deleted nor truncated while this connection,
 * which holds a shared lock on it, is open.
 *
 * Where there is no such file (not WAL, an in-memory database), every call is the pragma.
 */
export class WalIndexWatch {
  private readonly statement: Database.Statement<[], { data_version: number }>;
  /** The `-shm` file, opened on first use (SQLite creates it with the first read); -1: none. */
  private fd: number | undefined;
  private confirmed = Buffer.alloc(HEADER_BYTES);
  private scratch = Buffer.alloc(HEADER_BYTES);
  private hasConfirmed = false;
  private token = 0;
  private pragmas = 0;

  constructor(private readonly db: Database.Database) {
    this.statement = db.prepare('PRAGMA data_version');
  }

  /** The connection's `PRAGMA data_version`: it moves when another connection commits. */
  dataVersion(): number {
    const fd = this.shmFile();
    const read = fd >= 0 && readSync(fd, this.scratch, 0, HEADER_BYTES, 0) === HEADER_BYTES;
    if (read && this.hasConfirmed && this.scratch.equals(this.confirmed)) return this.token;
    // Read the header before the pragma: a commit in between moves the header again.
    this.token = this.statement.get()?.data_version ?? 0;
    this.pragmas += 1;
    this.hasConfirmed = read;
    if (read) [this.confirmed, this.scratch] = [this.scratch, this.confirmed];
    return this.token;
  }

  /** How many calls had to run the pragma (for tests: the others were answered by the header). */
  get pragmaReads(): number {
    return this.pragmas;
  }

  close(): void {
    if (this.fd !== undefined && this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private shmFile(): number {
    if (this.fd !== undefined) return this.fd;
    this.fd = -1;
    const wal = this.db.pragma('journal_mode', { simple: true }) === 'wal';
    if (!wal || this.db.memory) return this.fd;
    // A read transaction first, so that SQLite has created and initialized the file.
    this.statement.get();
    try {
      this.fd = openSync(`${this.db.name}-shm`, 'r');
    } catch {
      this.fd = -1;
    }
    return this.fd;
  }
}
