import {
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Document,
  type Filter,
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type Sort,
} from 'mongodb';
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
const CHECKPOINTS_COLLECTION = 'checkpoints';
const DUPLICATE_KEY = 11000;
const NAMESPACE_EXISTS = 48;
/** Rounds of re-reading after lost insert races before the error is given up to the caller. */
const MAX_GUARD_ROUNDS = 10;

/** How a document is stored: the id becomes `_id` and the guard position rides along. */
type StoredDoc = { _id: string; _position: bigint } & Record<string, unknown>;
type StoredCheckpoint = { _id: string; position: bigint };

/**
 * The distributed read store. It uses no transactions and no change streams (standalone
 * MongoDB and FerretDB have neither): each write is guarded by the document's position, and
 * the checkpoint is written after the changes, so a crash in between only replays.
 */
export class MongoReadStore implements ReadStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  static async connect(url: string, dbName: string): Promise<MongoReadStore> {
    // Int64 comes back as bigint, so positions round-trip without losing precision.
    const client = new MongoClient(url, { useBigInt64: true });
    await client.connect();
    return new MongoReadStore(client, client.db(dbName));
  }

  async ensureCollection(definition: CollectionDefinition): Promise<void> {
    const collection = this.collection(definition.name);
    await this.createCollectionIfMissing(definition.name);
    for (const fields of definition.indexes) {
      // `id` is `_id`, which is indexed already.
      if (fields.length === 0 || (fields.length === 1 && fields[0] === 'id')) continue;
      await collection.createIndex(
        Object.fromEntries(fields.map((field) => [storedField(field), 1])),
      );
    }
  }

  async get<D extends Doc>(collection: string, id: string): Promise<D | null> {
    const stored = await this.collection(collection).findOne({ _id: id });
    return stored ? toDoc<D>(stored) : null;
  }

  async find<D extends Doc>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
    options: FindOptions = {},
  ): Promise<D[]> {
    // Mongo reads a limit of 0 as "no limit".
    if (options.limit === 0) return [];
    const filter = Object.fromEntries(
      Object.entries(where).map(([field, value]) => [storedField(field), value]),
    ) as Record<string, unknown>;
    if (options.after) filter[storedField(options.after[0])] = { $gt: options.after[1] };
    if (options.before) {
      const field = storedField(options.before[0]);
      const bounds = (filter[field] ?? {}) as Record<string, unknown>;
      filter[field] = { ...bounds, $lt: options.before[1] };
    }
    let cursor = this.collection(collection)
      .find(filter as Filter<StoredDoc>)
      .sort(sortSpec(options.sort ?? []));
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()).map((stored) => toDoc<D>(stored));
  }

  async all<D extends Doc>(collection: string): Promise<D[]> {
    const stored = await this.collection(collection).find().sort({ _id: 1 }).toArray();
    return stored.map((doc) => toDoc<D>(doc));
  }

  async commit(changes: readonly DocChange[], checkpoint?: Checkpoint): Promise<void> {
    for (const [collection, collectionChanges] of groupByCollection(changes)) {
      await this.applyChanges(collection, collectionChanges);
    }
    if (checkpoint) {
      await this.checkpoints().updateOne(
        { _id: checkpoint.name },
        { $set: { position: checkpoint.position } },
        { upsert: true },
      );
    }
  }

  async getCheckpoint(name: string): Promise<bigint | null> {
    const stored = await this.checkpoints().findOne({ _id: name });
    return stored ? BigInt(stored.position) : null;
  }

  async dropCollection(name: string): Promise<void> {
    // Keeps the collection and its indexes so the rebuild can write straight away.
    await this.collection(name).deleteMany({});
  }

  async deleteCheckpoint(name: string): Promise<void> {
    await this.checkpoints().deleteOne({ _id: name });
  }

  /** Nothing to do from a client: see the port. */
  async erase(): Promise<void> {}

  async close(): Promise<void> {
    await this.client.close();
  }

  /**
   * Writes in order and stops at the first error, which FerretDB does whatever `ordered`
   * says. A duplicate key on an upsert means another writer inserted the document after our
   * filter missed: that says nothing about whose position is higher, so the guard is applied
   * again to what is stored now, and the rest resumes after it.
   */
  private async applyChanges(collection: string, changes: readonly DocChange[]): Promise<void> {
    const operations = changes.map(guardedWrite);
    let next = 0;
    while (next < operations.length) {
      try {
        await this.collection(collection).bulkWrite(operations.slice(next), { ordered: true });
        return;
      } catch (error) {
        next += indexOfDuplicateKeyOnUpsert(error, operations.slice(next));
        await this.reapplyGuard(collection, changes[next] as DocChange);
        next += 1;
      }
    }
  }

  /**
   * An upsert that lost an insert race: skipped if the stored document is at least as new,
   * written over it otherwise. Each round sees a document that another writer just wrote,
   * so the rounds end unless writers keep deleting and re-inserting it.
   */
  private async reapplyGuard(collection: string, change: DocChange): Promise<void> {
    for (let round = 1; ; round++) {
      const stored = await this.collection(collection).findOne(
        { _id: change.id },
        { projection: { _position: 1 } },
      );
      if (stored !== null && BigInt(stored._position) >= change.position) return;
      try {
        await this.collection(collection).bulkWrite([guardedWrite(change)], { ordered: true });
        return;
      } catch (error) {
        indexOfDuplicateKeyOnUpsert(error, [guardedWrite(change)]);
        if (round === MAX_GUARD_ROUNDS) throw error;
      }
    }
  }

  private async createCollectionIfMissing(name: string): Promise<void> {
    try {
      await this.db.createCollection(name);
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
    }
  }

  private collection(name: string): Collection<StoredDoc> {
    if (!COLLECTION_NAME.test(name) || name === CHECKPOINTS_COLLECTION) {
      throw new Error(`Invalid collection name "${name}": use only [a-z0-9_], not "checkpoints"`);
    }
    return this.db.collection<StoredDoc>(name);
  }

  private checkpoints(): Collection<StoredCheckpoint> {
    return this.db.collection<StoredCheckpoint>(CHECKPOINTS_COLLECTION);
  }
}

/**
 * Upsert or delete, only over a document last written at a lower position. When the stored
 * document is newer the filter misses, and the upsert's insert then collides on `_id`.
 */
function guardedWrite(change: DocChange): AnyBulkWriteOperation<StoredDoc> {
  const filter = { _id: change.id, _position: { $lt: change.position } };
  if (change.doc === null) return { deleteOne: { filter } };
  return {
    replaceOne: {
      filter,
      replacement: toStored(change.id, change.position, change.doc),
      upsert: true,
    },
  };
}

/** The index of the upsert that failed on a duplicate `_id`; any other error is rethrown. */
function indexOfDuplicateKeyOnUpsert(
  error: unknown,
  operations: readonly AnyBulkWriteOperation<StoredDoc>[],
): number {
  if (!(error instanceof MongoBulkWriteError)) throw error;
  const [first] = [error.writeErrors].flat().sort((a, b) => a.index - b.index);
  const operation = first ? operations[first.index] : undefined;
  const isUpsert = operation !== undefined && 'replaceOne' in operation;
  if (!first || first.code !== DUPLICATE_KEY || !isUpsert) throw error;
  return first.index;
}

function groupByCollection(changes: readonly DocChange[]): Map<string, DocChange[]> {
  const groups = new Map<string, DocChange[]>();
  for (const change of changes) {
    const group = groups.get(change.collection) ?? [];
    group.push(change);
    groups.set(change.collection, group);
  }
  return groups;
}

function toStored(id: string, position: bigint, doc: Doc): StoredDoc {
  const { id: docId, ...fields } = doc;
  if (docId !== id) throw new Error(`Document id "${docId}" differs from change id "${id}"`);
  // The guard position goes last so no document field can shadow it.
  return { _id: id, ...fields, _position: position };
}

function toDoc<D extends Doc>(stored: Document): D {
  const { _id, _position, ...fields } = stored;
  return { id: _id as string, ...fields } as unknown as D;
}

function storedField(field: string): string {
  return field === 'id' ? '_id' : field;
}

function sortSpec(sort: NonNullable<FindOptions['sort']>): Sort {
  const spec: Record<string, 1 | -1> = {};
  for (const [field, direction] of sort) spec[storedField(field)] = direction === 'desc' ? -1 : 1;
  // Ties broken by id ascending, unless the caller already sorted by it.
  if (!('_id' in spec)) spec._id = 1;
  return spec;
}
