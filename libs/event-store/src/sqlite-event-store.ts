import Database from 'better-sqlite3';
import {
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRevision,
  type Subscription,
  type SubscriptionHandler,
  type SubscriptionStart,
  WrongExpectedRevisionError,
} from './event-store.port';
import { PollingSubscription, type PollingSubscriptionSource } from './polling-subscription';
import { SqliteCommitSignal } from './sqlite-commit-signal';
import { WalIndexWatch } from './wal-index-watch';

export interface SqliteEventStoreOptions {
  /** How often to look for commits made by other connections; default 5 ms. */
  readonly pollIntervalMs?: number;
}

interface EventRow {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

type InsertParameters = [string, string, number, string, string, string, string];

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    stream TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream, revision)
  )`;

interface QueuedAppend {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { readonly result: AppendResult } | { readonly error: unknown };

/** Appends committed together at most; more wait for the next transaction. */
const MAX_GROUP = 512;
const DEFAULT_POLL_INTERVAL_MS = 5;
const BUSY_TIMEOUT_MS = 5_000;
const CACHE_KIB = 64 * 1024;
const WAL_CHECKPOINT_PAGES = 10_000;
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The embedded event store: one SQLite file, shareable by several processes. Positions come
 * from AUTOINCREMENT inside a `BEGIN IMMEDIATE` transaction and SQLite admits one writer at a
 * time, so positions are commit-ordered across every process using the file.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly commits: SqliteCommitSignal;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly statements: Statements;
  private readonly walIndex: WalIndexWatch;
  private readonly appendInTransaction: Database.Transaction<
    (stream: string, events: readonly EventToAppend[], expected: ExpectedRevision) => AppendResult
  >;

  private readonly commitGroup: Database.Transaction<(group: readonly QueuedAppend[]) => Outcome[]>;
  private readonly queued: QueuedAppend[] = [];

  constructor(filePath: string, options: SqliteEventStoreOptions = {}) {
    this.db = openDatabase(filePath);
    this.statements = prepareStatements(this.db);
    this.walIndex = new WalIndexWatch(this.db);
    this.commitGroup = this.db.transaction((group: readonly QueuedAppend[]) =>
      this.appendEach(group),
    );
    this.appendInTransaction = this.db.transaction(
      (stream: string, events: readonly EventToAppend[], expected: ExpectedRevision) =>
        this.insertAfterCheck(stream, events, expected),
    );
    this.commits = new SqliteCommitSignal(
      () => this.changeToken(),
      options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    );
  }

  /** `PRAGMA data_version` of the connection that also serves this store's reads. */
  readonly changeToken = (): number => this.walIndex.dataVersion();

  /**
   * Group commit: the appends that arrive within one turn of the event loop share one
   * transaction (one WAL commit). A conflict or a duplicate id fails only its own caller
   * (an append of several events runs in a savepoint, so it is undone whole), and each
   * caller learns its own position. Positions stay contiguous and commit-ordered.
   */
  append(
    stream: string,
    events: readonly EventToAppend[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0)
      return Promise.reject(new Error(`append to ${stream}: no events given`));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queued.push({ stream, events, expected: options.expectedRevision, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.flushQueued());
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(stream, options.fromRevision ?? 0).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.readAfter(options.after ?? 0n, options.limit);
  }

  async headPosition(): Promise<bigint> {
    return this.currentHeadPosition();
  }

  subscribe(start: SubscriptionStart, handler: SubscriptionHandler): Subscription {
    // Resolved now, synchronously: 'now' means events committed after this call.
    const startAfter = this.resolveStart(start);
    this.commits.startWatching();
    const subscription = new PollingSubscription(this.subscriptionSource(), startAfter, handler);
    this.subscriptions.add(subscription);
    return {
      close: async () => {
        if (this.subscriptions.delete(subscription)) this.commits.stopWatching();
        await subscription.close();
      },
    };
  }

  async close(): Promise<void> {
    this.flushQueued();
    const open = [...this.subscriptions];
    this.subscriptions.clear();
    this.commits.stopPolling();
    await Promise.all(open.map((subscription) => subscription.close()));
    if (this.db.open) this.db.close();
    // After the connection: see WalIndexWatch.close.
    this.walIndex.close();
  }

  /** Commits every queued append, at most MAX_GROUP per transaction. */
  private flushQueued(): void {
    while (this.queued.length > 0) {
      const group = this.queued.splice(0, MAX_GROUP);
      if (!this.db.open) {
        for (const append of group) append.reject(new Error('the event store is closed'));
        continue;
      }
      let outcomes: Outcome[];
      try {
        outcomes = this.commitGroup.immediate(group);
      } catch (error) {
        // The transaction itself failed (e.g. the file stayed locked): nothing was written.
        for (const append of group) append.reject(error);
        continue;
      }
      this.commits.notify();
      group.forEach((append, index) => {
        const outcome = outcomes[index] as Outcome;
        if ('error' in outcome) append.reject(outcome.error);
        else append.resolve(outcome.result);
      });
    }
  }

  private appendEach(group: readonly QueuedAppend[]): Outcome[] {
    return group.map((append) => {
      try {
        // A single event either is inserted or fails before anything is written; several
        // need a savepoint (the nested transaction) so that a failure undoes only their own.
        const result =
          append.events.length === 1
            ? this.insertAfterCheck(append.stream, append.events, append.expected)
            : this.appendInTransaction(append.stream, append.events, append.expected);
        return { result };
      } catch (error) {
        return { error: describeDuplicateEventId(append.stream, error) };
      }
    });
  }

  private insertAfterCheck(
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): AppendResult {
    const actual = this.statements.lastRevision.get(stream)?.revision ?? 'no_stream';
    if (expected !== 'any' && expected !== actual) {
      throw new WrongExpectedRevisionError(stream, expected, actual);
    }
    const firstRevision = actual === 'no_stream' ? 0 : actual + 1;
    const recordedAt = new Date().toISOString();
    let position = 0n;
    events.forEach((event, index) => {
      const inserted = this.statements.insert.run(
        event.id,
        stream,
        firstRevision + index,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        recordedAt,
      );
      position = BigInt(inserted.lastInsertRowid);
    });
    return { nextExpectedRevision: firstRevision + events.length - 1, position };
  }

  private readAfter(position: bigint, limit: number): RecordedEvent[] {
    return this.statements.readAfter.all(position, limit).map(toRecordedEvent);
  }

  private currentHeadPosition(): bigint {
    return BigInt(this.statements.headPosition.get()?.position ?? 0);
  }

  private resolveStart(start: SubscriptionStart): bigint {
    if (start === 'start') return 0n;
    if (start === 'now') return this.currentHeadPosition();
    return start.after;
  }

  private subscriptionSource(): PollingSubscriptionSource {
    return {
      commits: this.commits,
      readAfter: (position, limit) => this.readAfter(position, limit),
    };
  }
}

function openDatabase(filePath: string): Database.Database {
  const db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
  // busy_timeout first: switching to WAL needs a lock another process may hold.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // The id and (stream, revision) indexes take random keys: keep their pages in memory.
  db.pragma(`cache_size = -${CACHE_KIB}`);
  // Checkpoints (copying the WAL into the file, with an fsync) are what stall a busy writer:
  // ten times rarer than SQLite's default, they copy a hot index page once instead of ten
  // times. Measured with 16 concurrent writers: ~1.7x the appends/s and a third of the p99.
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  // Erased account data must not linger in free pages of the file.
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA);
  return db;
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Database.Database) {
  return {
    lastRevision: db.prepare<[string], { revision: StreamRevision | null }>(
      'SELECT MAX(revision) AS revision FROM events WHERE stream = ?',
    ),
    insert: db.prepare<InsertParameters>(
      `INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    readStream: db.prepare<[string, number], EventRow>(
      'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision',
    ),
    readAfter: db.prepare<[bigint, number], EventRow>(
      'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?',
    ),
    headPosition: db.prepare<[], { position: number }>(
      'SELECT COALESCE(MAX(position), 0) AS position FROM events',
    ),
  };
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: row.recorded_at,
  };
}

/** A reused event id is a caller bug or a retried append; either way it must not pass silently. */
function describeDuplicateEventId(stream: string, error: unknown): unknown {
  // Matched by shape, not `instanceof`: better-sqlite3 binds its error class to the first
  // module registry that loaded it, which jest's per-file registries do not share.
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const isDuplicateId =
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.includes('events.id');
  if (!isDuplicateId) return error;
  return new Error(`append to ${stream}: an event id is already stored`, { cause: error });
}
