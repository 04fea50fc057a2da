import { mongoUrl, useMongoTestDatabase } from '../../../test/support/mongo-test-database';
import { MongoReadStore } from './mongo-read-store';
import { API_KEY_USAGE } from './read-models/api-key.read-model';
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

  // Two writers, so the loser's second try races nobody: FerretDB updates by read-modify-write
  // and cannot show more (see DESIGN.md); MongoDB's per-document atomicity covers the rest.
  it('given two writers racing to insert one new document, the higher position wins (api_key_usage_v1 from two api instances)', async () => {
    const other = await MongoReadStore.connect(mongoUrl(), database.name);
    try {
      await store.ensureCollection(API_KEY_USAGE);
      const usage = (keyId: string, minute: number) => ({
        collection: API_KEY_USAGE.name,
        id: keyId,
        doc: { id: keyId, lastUsedAt: new Date(minute * 60_000).toISOString() },
        position: BigInt(minute * 60_000),
      });
      for (let round = 0; round < 30; round++) {
        const keyId = `key-${round}`;
        // each instance flushes its own last-used minute of a key nobody has written yet
        const [mine, theirs] = round % 2 === 0 ? [1, 2] : [2, 1];
        await Promise.all([
          store.commit([usage(keyId, mine)]),
          other.commit([usage(keyId, theirs)]),
        ]);

        expect(await store.get(API_KEY_USAGE.name, keyId)).toEqual(usage(keyId, 2).doc);
      }
    } finally {
      await other.close();
    }
  });
});
