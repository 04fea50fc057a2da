import { join } from 'node:path';
import { EsdbEventStore } from '@app/event-store/esdb-event-store';
import type { EventStore } from '@app/event-store/event-store.port';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { MongoReadStore } from '@app/read-store/mongo-read-store';
import type { ReadStore } from '@app/read-store/read-store.port';
import { SqliteReadStore } from '@app/read-store/sqlite-read-store';
import type { AppConfig } from '../config/config';
import type { DataKeyStore } from '../data-keys/data-key-store.port';
import { MongoDataKeyStore } from '../data-keys/mongo-data-key-store';
import { SqliteDataKeyStore } from '../data-keys/sqlite-data-key-store';
import type { AttemptStore } from '../throttling/attempt-store.port';
import { MongoAttemptStore } from '../throttling/mongo-attempt-store';
import { SqliteAttemptStore } from '../throttling/sqlite-attempt-store';
import { ensurePrivateDirectory, privateFile } from './private-files';

export interface Storage {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly dataKeys: DataKeyStore;
  /** Failed attempts at passwords, shared by every api instance so that limits hold across them. */
  readonly attempts: AttemptStore;
  close(): Promise<void>;
}

/** File names inside DATA_DIR for the embedded profile. */
export const EMBEDDED_FILES = {
  events: 'events.sqlite',
  readModels: 'read-models.sqlite',
  dataKeys: 'data-keys.sqlite',
  attempts: 'attempts.sqlite',
} as const;

/**
 * Opens the configured adapters. Data keys live beside the read store in the distributed
 * profile and in their own file in the embedded one: never in the event log.
 */
export async function openStorage(config: AppConfig): Promise<Storage> {
  if (config.eventStore === 'sqlite' || config.readStore === 'sqlite') {
    ensurePrivateDirectory(config.dataDir);
  }
  const file = (name: string) => privateFile(join(config.dataDir, name));
  const eventStore: EventStore =
    config.eventStore === 'esdb'
      ? new EsdbEventStore(config.eventStoreUrl as string)
      : new SqliteEventStore(file(EMBEDDED_FILES.events));
  let readStore: ReadStore;
  let dataKeys: DataKeyStore;
  let attempts: AttemptStore;
  if (config.readStore === 'mongo') {
    readStore = await MongoReadStore.connect(config.mongoUrl as string, config.mongoDatabase);
    dataKeys = await MongoDataKeyStore.connect(config.mongoUrl as string, config.mongoDatabase);
    attempts = await MongoAttemptStore.connect(config.mongoUrl as string, config.mongoDatabase);
  } else {
    readStore = new SqliteReadStore(file(EMBEDDED_FILES.readModels));
    dataKeys = new SqliteDataKeyStore(file(EMBEDDED_FILES.dataKeys));
    attempts = new SqliteAttemptStore(file(EMBEDDED_FILES.attempts));
  }
  return {
    eventStore,
    readStore,
    dataKeys,
    attempts,
    async close() {
      await Promise.allSettled([
        eventStore.close(),
        readStore.close(),
        dataKeys.close(),
        attempts.close(),
      ]);
    },
  };
}
