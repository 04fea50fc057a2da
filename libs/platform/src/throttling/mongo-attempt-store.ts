import { randomUUID } from 'node:crypto';
import { type Collection, MongoClient } from 'mongodb';
import { ATTEMPT_RETENTION_MS, type Admission, type AttemptStore } from './attempt-store.port';

const COLLECTION = 'attempts';

type StoredAttempt = { _id: string; subject: string; at: number };

/**
 * Attempts in the `attempts` collection, one document each. Without a transaction, an
 * attempt is inserted first and then counts every attempt of its subject in the window,
 * itself included; past `limit` it deletes itself and is refused. Of attempts racing on
 * several instances, the last one to count sees all that were admitted before it, so no more
 * than `limit` are ever admitted (a race may refuse them all, which errs on the safe side).
 */
export class MongoAttemptStore implements AttemptStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly attempts: Collection<StoredAttempt>,
  ) {}

  static async connect(url: string, dbName: string): Promise<MongoAttemptStore> {
    const client = new MongoClient(url);
    await client.connect();
    const attempts = client.db(dbName).collection<StoredAttempt>(COLLECTION);
    await attempts.createIndex({ subject: 1, at: 1 });
    return new MongoAttemptStore(client, attempts);
  }

  async admit(subject: string, at: number, windowStart: number, limit: number): Promise<Admission> {
    await this.attempts.deleteMany({
      $or: [{ subject, at: { $lt: windowStart } }, { at: { $lt: at - ATTEMPT_RETENTION_MS } }],
    });
    const attempt: StoredAttempt = { _id: randomUUID(), subject, at };
    await this.attempts.insertOne(attempt);
    const inWindow = await this.attempts
      .find({ subject, at: { $gte: windowStart } }, { projection: { at: 1 } })
      .sort({ at: 1 })
      .toArray();
    if (inWindow.length <= limit) return { admitted: true };
    await this.attempts.deleteOne({ _id: attempt._id });
    const others = inWindow.filter((stored) => stored._id !== attempt._id);
    return { admitted: false, oldestAt: others[0]?.at ?? at };
  }

  async clear(subject: string): Promise<void> {
    await this.attempts.deleteMany({ subject });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
