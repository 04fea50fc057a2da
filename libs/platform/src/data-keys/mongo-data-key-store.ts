import { type Collection, MongoClient, MongoServerError } from 'mongodb';
import type { DataKeyStore } from './data-key-store.port';

const COLLECTION = 'data_keys';
const DUPLICATE_KEY = 11000;
/** A key destroyed between our failed insert and the read: try again, but not forever. */
const MAX_CREATE_ATTEMPTS = 3;

type StoredDataKey = { _id: string; wrappedKey: string };

/**
 * Data keys in the `data_keys` collection, one document per subject. The unique `_id`
 * settles concurrent registrations: the first insert wins and the others read it back.
 * Physical erasure depends on the server's storage engine (journal, free pages), which
 * this adapter cannot control, unlike the SQLite one.
 */
export class MongoDataKeyStore implements DataKeyStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<StoredDataKey>,
  ) {}

  static async connect(url: string, dbName: string): Promise<MongoDataKeyStore> {
    const client = new MongoClient(url);
    await client.connect();
    return new MongoDataKeyStore(client, client.db(dbName).collection<StoredDataKey>(COLLECTION));
  }

  async create(subjectId: string, wrappedKey: string): Promise<string> {
    for (let attempt = 1; attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
      if (await this.insertIfMissing(subjectId, wrappedKey)) return wrappedKey;
      const existing = await this.get(subjectId);
      if (existing !== null) return existing;
    }
    throw new Error(`Could not store a data key for "${subjectId}": it keeps being destroyed`);
  }

  async get(subjectId: string): Promise<string | null> {
    const stored = await this.keys.findOne({ _id: subjectId });
    return stored?.wrappedKey ?? null;
  }

  async destroy(subjectId: string): Promise<void> {
    await this.keys.deleteOne({ _id: subjectId });
  }

  async destroyIfUnchanged(subjectId: string, wrappedKey: string): Promise<boolean> {
    const { deletedCount } = await this.keys.deleteOne({ _id: subjectId, wrappedKey });
    return deletedCount > 0;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** False when the subject already has a key. */
  private async insertIfMissing(subjectId: string, wrappedKey: string): Promise<boolean> {
    try {
      await this.keys.insertOne({ _id: subjectId, wrappedKey });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }
}
