/**
 * The read store port: what projections and queries need, nothing more. Two adapters
 * implement it (SQLite for the embedded profile, MongoDB for the distributed one) and both
 * pass `read-store.contract.ts`.
 *
 * Every document remembers the global event position that last wrote it; a write carrying
 * a position at or below the stored one is skipped. That guard makes at-least-once delivery
 * idempotent: replaying a suffix of the log converges on the same documents.
 */

export type Scalar = string | number | boolean | null;

/** A read-model document: plain JSON with a string `id`. */
export type Doc = { readonly id: string } & Readonly<Record<string, unknown>>;

export interface CollectionDefinition {
  /** Versioned name, e.g. `profiles_v1`; a change of projection logic gets a new version. */
  readonly name: string;
  /** Each entry is one (possibly compound) index over top-level scalar fields. */
  readonly indexes: readonly (readonly string[])[];
}

export interface DocChange {
  readonly collection: string;
  readonly id: string;
  /** The new document, or null to delete it. */
  readonly doc: Doc | null;
  /** Global position of the event that produced this change. */
  readonly position: bigint;
}

export interface Checkpoint {
  readonly name: string;
  readonly position: bigint;
}

export interface FindOptions {
  /** Sort keys in priority order; ties broken by `id` ascending. */
  readonly sort?: readonly (readonly [field: string, direction: 'asc' | 'desc'])[];
  readonly limit?: number;
  /** Only documents whose field is strictly greater than the value: a cursor for paging. */
  readonly after?: readonly [field: string, value: string | number];
  /** Only documents whose field is strictly less than the value: paging newest first. */
  readonly before?: readonly [field: string, value: string | number];
}

export interface ReadStore {
  /** Creates the collection and its indexes if missing; idempotent. */
  ensureCollection(definition: CollectionDefinition): Promise<void>;
  get<D extends Doc>(collection: string, id: string): Promise<D | null>;
  /** Documents whose top-level fields equal every value in `where`. */
  find<D extends Doc>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
    options?: FindOptions,
  ): Promise<D[]>;
  /** Every document of a collection, ordered by id (audit replay compares them). */
  all<D extends Doc>(collection: string): Promise<D[]>;
  /**
   * Applies the changes, each guarded by its position, then stores the checkpoint.
   * The SQLite adapter does it in one transaction; the MongoDB adapter writes the changes
   * first and the checkpoint last, so a crash in between only causes a guarded replay.
   */
  commit(changes: readonly DocChange[], checkpoint?: Checkpoint): Promise<void>;
  getCheckpoint(name: string): Promise<bigint | null>;
  /** Drops a collection's documents (for a rebuild); the checkpoint is reset separately. */
  dropCollection(name: string): Promise<void>;
  deleteCheckpoint(name: string): Promise<void>;
  /**
   * Makes deleted documents unrecoverable from the files where the adapter can: SQLite zeroes
   * freed pages (secure_delete) and this truncates its WAL, which still holds old page images.
   * MongoDB's journal and storage engine are outside our reach: there it does nothing.
   */
  erase(): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('READ_STORE');
