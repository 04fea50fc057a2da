import { mongoUrl, useMongoTestDatabase } from '../../../../test/support/mongo-test-database';
import { describeAttemptStoreContract } from './attempt-store.contract';
import { MongoAttemptStore } from './mongo-attempt-store';

const database = useMongoTestDatabase('attempts');

describeAttemptStoreContract('MongoDB', async () => {
  const store = await MongoAttemptStore.connect(mongoUrl(), database.name);
  const other = await MongoAttemptStore.connect(mongoUrl(), database.name);
  return {
    store,
    other,
    cleanup: async () => {
      await store.close();
      await other.close();
      await database.drop();
    },
  };
});
