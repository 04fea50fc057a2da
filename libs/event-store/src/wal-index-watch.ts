import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';

/** Both copies of the wal-index header (https://sqlite.org/walformat.html, "The WAL-Index Header"). */
const HEADER_BYTES = 96;
/** `iVersion`, the header's first field, in every SQLite since WAL exists. */
const WAL_INDEX_VERSION = 3_007_000;
/** `isInit`: 1 once the header has been written. */
const IS_INIT_OFFSET = 12;

/**
 * `PRAGMA data_version` for a WAL-mode SQLite file, at the price of one 96-byte read while
 * nothing has changed.
 *
 * The pragma opens a read transaction, which takes and releases shared-memory locks: 2 µs
 * alone and more on a loaded api, paid by every check of the credential cache's freshness.
 * Every commit, by any process, rewrites the wal-index header at the start of the `-shm` file
 * before it returns (the header's `iChange` counter moves, and with it its checksum), and so
 * do WAL resets after a checkpoint. So while those 96 bytes are the ones read just before the
 * last pragma, no commit can have become visible since, and the pragma's answer stands. Any
 * other bytes (a commit, a reset, a read torn by a concurrent update) only send the check back
 * to the pragma. Reading the file through the page cache sees what SQLite wrote through its
 * shared mapping (Linux and macOS share one page cache). Where there is no such file (not WAL,
 * an in-memory database) or its header is not one SQLite initialized, every call is the pragma.
 */
export class WalIndexWatch {
  private readonly statement: Database.Statement<[], { data_version: number }>;
  /** The `-shm` file, opened on first use (SQLite creates it with the first read). */
  private shm: SharedShmFile | null | undefined;
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
    const read = this.readHeader();
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

  /** Call after the connection is closed: see SharedShmFile. */
  close(): void {
    this.shm?.release();
    this.shm = null;
  }

  private readHeader(): boolean {
    if (this.shm === undefined) this.shm = this.openShm();
    if (!this.shm) return false;
    const header = this.scratch;
    return (
      readSync(this.shm.fd, header, 0, HEADER_BYTES, 0) === HEADER_BYTES &&
      header.readUInt32LE(0) === WAL_INDEX_VERSION &&
      header[IS_INIT_OFFSET] === 1
    );
  }

  private openShm(): SharedShmFile | null {
    const wal = this.db.pragma('journal_mode', { simple: true }) === 'wal';
    if (!wal || this.db.memory) return null;
    // A read transaction first, so that SQLite has created and initialized the file.
    this.statement.get();
    try {
      // SQLite names the file after the database's real path (symbolic links resolved).
      return SharedShmFile.acquire(`${realpathSync(this.db.name)}-shm`);
    } catch {
      return null;
    }
  }
}

/**
 * One read-only descriptor per `-shm` file in this process, shared by every watch on it and
 * closed only when the last of them is released. SQLite locks that file with POSIX `fcntl`
 * locks, which belong to the process: closing any descriptor of the file drops every lock the
 * process holds on it, its open connections' included. So the descriptor is closed only after
 * every event-store connection of this process to the file has closed (SqliteEventStore
 * releases its watch after its connection).
 */
class SharedShmFile {
  private static readonly open = new Map<string, SharedShmFile>();
  private references = 1;

  private constructor(
    private readonly identity: string,
    readonly fd: number,
  ) {}

  static acquire(path: string): SharedShmFile {
    const { dev, ino } = statSync(path);
    const identity = `${dev}:${ino}`;
    const shared = SharedShmFile.open.get(identity);
    if (shared) {
      shared.references += 1;
      return shared;
    }
    // Never a second descriptor to close later: the file, in use by the caller's connection,
    // is the one just looked up (SQLite neither deletes nor replaces it while it is open).
    const file = new SharedShmFile(identity, openSync(path, 'r'));
    SharedShmFile.open.set(identity, file);
    return file;
  }

  release(): void {
    this.references -= 1;
    if (this.references > 0) return;
    SharedShmFile.open.delete(this.identity);
    closeSync(this.fd);
  }
}
