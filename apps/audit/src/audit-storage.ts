import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventCodec } from '@app/event-store/event-codec';
import type { EventStore } from '@app/event-store/event-store.port';
import { type AppConfig, ConfigError } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { EMBEDDED_FILES, openStorage } from '@app/platform/storage/storage';
import type { ReadStore } from '@app/read-store/read-store.port';

/** What the audit commands read: the log, the live read models, and the personal-data codec. */
export interface AuditStorage {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly codec: EventCodec;
  close(): Promise<void>;
}

/** Opens the configured storage the way the projector does. */
export async function openAuditStorage(config: AppConfig): Promise<AuditStorage> {
  // An audit of a mistyped DATA_DIR must not "pass" on a freshly created, empty store.
  if (config.eventStore === 'sqlite' && !existsSync(join(config.dataDir, EMBEDDED_FILES.events))) {
    throw new ConfigError([
      `DATA_DIR ${config.dataDir} holds no event log (${EMBEDDED_FILES.events})`,
    ]);
  }
  const storage = await openStorage(config);
  const keys = new DataKeyRing(storage.dataKeys, loadSecrets(config).masterKey);
  return {
    eventStore: storage.eventStore,
    readStore: storage.readStore,
    codec: new PersonalDataCodec(keys),
    close: () => storage.close(),
  };
}
