import Database from 'better-sqlite3';
import type {
  Checkpoint,
  CollectionDefinition,
  Doc,
  DocChange,
  FindOptions,
  ReadStore,
  Scalar,
} from './read-store.port';

const COLLECTION_NAME = /^[a-z0-9_]+$/;
/** Field names are spliced into SQL (index expressions cannot take parameters). */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CHECKPOINTS_TABLE = 'read_store_checkpoints';
const BUSY_TIMEOUT_MS = 5000;

type Statement = Database.Statement<unknown[], unknown>;
type DocRow = { doc: string };
type TableStatements = { get: Statement; remove: Statement; upsert: Statement };

/**
 * The embedded read store: one table per collection holding each document as JSON next to
 * the position that last wrote it. Filters and sorts go through `json_extract`, which the
 * expression indexes created by `ensureCollection` cover.
 */
export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Statement>();
  private readonly perTable = new Map<string, TableStatements>();

  constructor(filePath: string) {
    this.db = new Database(filePath);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // No fsync per commit: read models are rebuilt from the log, and a commit lost to a power
    // cut takes its checkpoint with it, so the projector replays that suffix (idempotently).
    this.db.pragma('synchronous = NORMAL');
    // Rebuilds delete whole collections; zeroing freed pages keeps no stale personal data.
    this.db.pragma('secure_delete = ON');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${CHECKPOINTS_TABLE} (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`,
    );
  }

  async ensureCollection(definition: CollectionDefinition): Promise<void> {
    const table = tableName(definition.name);
    this.db.transaction(() => {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${table} ` +
          '(id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL)',
      );
      for (const fields of definition.indexes) this.createIndex(table, fields);
    })();
  }

  async get<D extends Doc>(collection: string, id: string): Promise<D | null> {
    const row = this.tableStatements(collection).get.get(id) as DocRow | undefined;
    return row ? parseDoc<D>(row) : null;
  }

  async find<D extends Doc>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
    options: FindOptions = {},
  ): Promise<D[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    for (const [field, value] of Object.entries(where)) {
      const condition = equalityCondition(field, value);
      conditions.push(condition.sql);
      params.push(...condition.params);
    }
    if (options.after) {
      conditions.push(`${fieldExpression(options.after[0])} > ?`);
      params.push(options.after[1]);
    }
    if (options.before) {
      conditions.push(`${fieldExpression(options.before[0])} < ?`);
      params.push(options.before[1]);
    }
    const whereClause = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const limitClause = options.limit === undefined ? '' : ' LIMIT ?';
    if (options.limit !== undefined) params.push(options.limit);
    const sql =
      `SELECT doc FROM ${tableName(collection)}${whereClause}` +
      ` ORDER BY ${orderBy(options.sort ?? [])}${limitClause}`;
    return (this.statement(sql).all(...params) as DocRow[]).map((row) => parseDoc<D>(row));
  }

  async all<D extends Doc>(collection: string): Promise<D[]> {
    const rows = this.statement(`SELECT doc FROM ${tableName(collection)} ORDER BY id`).all();
    return (rows as DocRow[]).map((row) => parseDoc<D>(row));
  }

  async commit(changes: readonly DocChange[], checkpoint?: Checkpoint): Promise<void> {
    this.db.transaction(() => {
      for (const change of changes) this.applyChange(change);
      if (checkpoint) this.storeCheckpoint(checkpoint);
    })();
  }

  async getCheckpoint(name: string): Promise<bigint | null> {
    const row = this.statement(`SELECT position FROM ${CHECKPOINTS_TABLE} WHERE name = ?`)
      .safeIntegers(true)
      .get(name) as { position: bigint } | undefined;
    return row ? row.position : null;
  }

  async dropCollection(name: string): Promise<void> {
    const table = tableName(name);
    // Keeps the table and its indexes so the rebuild can write straight away.
    if (this.tableExists(table)) this.statement(`DELETE FROM ${table}`).run();
  }

  async deleteCheckpoint(name: string): Promise<void> {
    this.statement(`DELETE FROM ${CHECKPOINTS_TABLE} WHERE name = ?`).run(name);
  }

  /** Truncates the WAL; retried briefly, since a reader in another process may hold it. */
  async erase(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (!result?.busy) return;
      if (attempt === 50) throw new Error('the WAL could not be truncated: a reader kept it busy');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.perTable.clear();
    if (this.db.open) this.db.close();
  }

  private applyChange(change: DocChange): void {
    const statements = this.tableStatements(change.collection);
    if (change.doc === null) {
      statements.remove.run(change.id, change.position);
      return;
    }
    assertDocMatchesChange(change.id, change.doc);
    statements.upsert.run(change.id, change.position, JSON.stringify(change.doc));
  }

  /** The statements every projected event runs, prepared once per collection. */
  private tableStatements(collection: string): TableStatements {
    let statements = this.perTable.get(collection);
    if (!statements) {
      const table = tableName(collection);
      statements = {
        get: this.statement(`SELECT doc FROM ${table} WHERE id = ?`),
        remove: this.statement(`DELETE FROM ${table} WHERE id = ? AND position < ?`),
        upsert: this.statement(
          `INSERT INTO ${table} (id, position, doc) VALUES (?, ?, ?) ` +
            'ON CONFLICT (id) DO UPDATE SET position = excluded.position, doc = excluded.doc ' +
            `WHERE excluded.position > ${table}.position`,
        ),
      };
      this.perTable.set(collection, statements);
    }
    return statements;
  }

  private storeCheckpoint(checkpoint: Checkpoint): void {
    this.statement(
      `INSERT INTO ${CHECKPOINTS_TABLE} (name, position) VALUES (?, ?) ` +
        'ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    ).run(checkpoint.name, checkpoint.position);
  }

  private createIndex(table: string, fields: readonly string[]): void {
    // `id` is the primary key already.
    if (fields.length === 0 || (fields.length === 1 && fields[0] === 'id')) return;
    const indexName = `${table}__${fields.map(assertFieldName).join('__')}`;
    const columns = fields.map(fieldExpression).join(', ');
    this.db.exec(`CREATE INDEX IF NOT EXISTS "${indexName}" ON ${table} (${columns})`);
  }

  private tableExists(table: string): boolean {
    const row = this.statement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(
      table,
    );
    return row !== undefined;
  }

  /** Prepared statements are cached: preparing costs more than running for small queries. */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function tableName(collection: string): string {
  if (!COLLECTION_NAME.test(collection)) {
    throw new Error(`Invalid collection name "${collection}": use only [a-z0-9_]`);
  }
  // The prefix keeps collections apart from the checkpoints table and SQLite's own names.
  return `doc_${collection}`;
}

function assertFieldName(field: string): string {
  if (!FIELD_NAME.test(field)) {
    throw new Error(`Invalid field name "${field}": use a top-level identifier`);
  }
  return field;
}

/** Must be spelled exactly like the index expressions for SQLite to use those indexes. */
function fieldExpression(field: string): string {
  return `json_extract(doc, '$.${assertFieldName(field)}')`;
}

function equalityCondition(field: string, value: Scalar): { sql: string; params: unknown[] } {
  const expression = fieldExpression(field);
  if (value === null) return { sql: `${expression} IS NULL`, params: [] };
  if (typeof value === 'boolean') {
    // json_extract turns booleans into 1/0; the type check keeps the number 1 from matching true.
    const jsonType = `json_type(doc, '$.${field}')`;
    return { sql: `${expression} = ? AND ${jsonType} = ?`, params: [value ? 1 : 0, String(value)] };
  }
  return { sql: `${expression} = ?`, params: [value] };
}

function orderBy(sort: NonNullable<FindOptions['sort']>): string {
  const keys = sort.map(([field, direction]) => {
    const expression = field === 'id' ? 'id' : fieldExpression(field);
    return `${expression} ${direction === 'desc' ? 'DESC' : 'ASC'}`;
  });
  return [...keys, 'id ASC'].join(', ');
}

function parseDoc<D extends Doc>(row: DocRow): D {
  return JSON.parse(row.doc) as D;
}

function assertDocMatchesChange(id: string, doc: Doc): void {
  if (doc.id !== id) throw new Error(`Document id "${doc.id}" differs from change id "${id}"`);
}
