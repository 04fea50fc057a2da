import { MongoClient, type Db } from 'mongodb';

/** Set by test/global-setup.ts (FerretDB) unless the caller points it at a real MongoDB. */
export function mongoUrl(): string {
  const url = process.env.MONGO_URL;
  if (!url)
    throw new Error('MONGO_URL is not set: run the suite through jest (test/global-setup.ts)');
  return url;
}

/** A database of the suite's own, dropped after it; `drop()` empties it between tests. */
export function useMongoTestDatabase(prefix: string): {
  readonly name: string;
  db(): Db;
  drop(): Promise<void>;
} {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  let admin: MongoClient;
  beforeAll(async () => {
    admin = await MongoClient.connect(mongoUrl());
  });
  afterAll(async () => {
    await admin.db(name).dropDatabase();
    await admin.close();
  });
  return {
    name,
    db: () => admin.db(name),
    async drop() {
      await admin.db(name).dropDatabase();
    },
  };
}
