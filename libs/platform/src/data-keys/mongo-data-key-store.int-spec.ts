import { MongoClient } from 'mongodb';
import { describeDataKeyStoreContract } from './data-key-store.contract';
import { MongoDataKeyStore } from './mongo-data-key-store';

/** Set by test/global-setup.ts (FerretDB) unless the caller points it at a real MongoDB. */
function mongoUrl(): string {
  const url = process.env.MONGO_URL;
  if (!url)
    throw new Error('MONGO_URL is not set: run the suite through jest (test/global-setup.ts)');
  return url;
}

const dbName = `data_keys_${process.pid}_${Date.now().toString(36)}`;
let admin: MongoClient;

beforeAll(async () => {
  admin = await MongoClient.connect(mongoUrl());
});

afterAll(async () => {
  await admin.db(dbName).dropDatabase();
  await admin.close();
});

describeDataKeyStoreContract('MongoDB', async () => {
  const store = await MongoDataKeyStore.connect(mongoUrl(), dbName);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await admin.db(dbName).dropDatabase();
    },
  };
});
