import { mongoUrl, useMongoTestDatabase } from '../../../../test/support/mongo-test-database';
import { describeDataKeyStoreContract } from './data-key-store.contract';
import { MongoDataKeyStore } from './mongo-data-key-store';

const database = useMongoTestDatabase('data_keys');

describeDataKeyStoreContract('MongoDB', async () => {
  const store = await MongoDataKeyStore.connect(mongoUrl(), database.name);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});
