import { MongoClient } from 'mongodb';
import { MongoReadStore } from './mongo-read-store';
import { describeReadStoreContract } from './read-store.contract';

/** Set by test/global-setup.ts (FerretDB) unless the caller points it at a real MongoDB. */
function mongoUrl(): string {
  const url = process.env.MONGO_URL;
  if (!url)
    throw new Error('MONGO_URL is not set: run the suite through jest (test/global-setup.ts)');
  return url;
}

const dbName = `read_store_${process.pid}_${Date.now().toString(36)}`;
let admin: MongoClient;

beforeAll(async () => {
  admin = await MongoClient.connect(mongoUrl());
});

afterAll(async () => {
  await admin.db(dbName).dropDatabase();
  await admin.close();
});

describeReadStoreContract('MongoDB', async () => {
  const store = await MongoReadStore.connect(mongoUrl(), dbName);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await admin.db(dbName).dropDatabase();
    },
  };
});

describe('MongoReadStore', () => {
  let store: MongoReadStore;

  beforeEach(async () => {
    store = await MongoReadStore.connect(mongoUrl(), dbName);
  });

  afterEach(async () => {
    await store.close();
    await admin.db(dbName).dropDatabase();
  });

  it('creates the declared indexes', async () => {
    await store.ensureCollection({ name: 'people_v1', indexes: [['team'], ['team', 'role']] });

    const indexes = await admin.db(dbName).collection('people_v1').indexes();

    expect(indexes.map((index) => index.key)).toEqual(
      expect.arrayContaining([{ team: 1 }, { team: 1, role: 1 }]),
    );
  });

  it('stores the position as a 64-bit integer beside the fields', async () => {
    await store.ensureCollection({ name: 'people_v1', indexes: [] });
    await store.commit([
      { collection: 'people_v1', id: 'p1', doc: { id: 'p1', team: 'red' }, position: 2n ** 40n },
    ]);

    const raw = await admin
      .db(dbName)
      .collection('people_v1')
      .findOne({ _id: 'p1' as never }, { useBigInt64: true });

    expect(raw).toEqual({ _id: 'p1', _position: 2n ** 40n, team: 'red' });
  });

  it('rejects the name of its checkpoints collection', async () => {
    await expect(store.ensureCollection({ name: 'checkpoints', indexes: [] })).rejects.toThrow(
      /Invalid collection name/,
    );
  });
});
