import type { AppConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage, type Storage } from '@app/platform/storage/storage';
import { Projector } from './projector';
import { PROJECTIONS } from './projections';

export interface ProjectorProcess {
  readonly projector: Projector;
  readonly storage: Storage;
  close(): Promise<void>;
}

/** Opens the configured storage and builds the projector over it. */
export async function createProjector(config: AppConfig): Promise<ProjectorProcess> {
  const storage = await openStorage(config);
  const keys = new DataKeyRing(storage.dataKeys, loadSecrets(config).masterKey);
  const projector = new Projector(
    storage.eventStore,
    storage.readStore,
    new PersonalDataCodec(keys),
    PROJECTIONS,
  );
  return {
    projector,
    storage,
    async close() {
      await projector.stop();
      await storage.close();
    },
  };
}
