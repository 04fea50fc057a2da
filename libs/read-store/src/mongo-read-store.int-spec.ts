import { mongoUrl, useMongoTestDatabase } from '../../../test/support/mongo-test-database';
import { MongoReadStore } from './mongo-read-store';
import { describeReadStoreContract } from './read-store.contract';

const database = useMongoTestDatabase('read_store');

describeReadStoreContract('MongoDB', async () => {
  const store = await MongoReadStore.connect(mongoUrl(), database.name);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});

describe('MongoReadStore', () => {
  let store: MongoReadStore;

  beforeEach(async () => {
    store = await MongoReadStore.connect(mongoUrl(), database.name);
  });

  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('creates the declared indexes', async () => {
    await store.ensureCollection({ name: 'people_v1', indexes: [['team'], ['team', 'role']] });

    const indexes = await database.db().collection('people_v1').indexes();

    expect(indexes.map((index) => index.key)).toEqual(
      expect.arrayContaining([{ team: 1 }, { team: 1, role: 1 }]),
    );
  });

  it('stores the position as a 64-bit integer beside the fields', async () => {
    await store.ensureCollection({ name: 'people_v1', indexes: [] });
    await store.commit([
      { collection: 'people_v1', id: 'p1', doc: { id: 'p1', team: 'red' }, position: 2n ** 40n },
    ]);

    const raw = await database
      .db()
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
