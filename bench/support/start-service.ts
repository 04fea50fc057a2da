import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@app/platform/config/config';
import type { Storage } from '@app/platform/storage/storage';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createProjector } from '../../apps/projector/src/create-projector';

export interface RunningService {
  readonly port: number;
  /** The api's Nest application, e.g. to call one of its providers directly. */
  readonly app: INestApplication;
  /** The api's own storage handles, e.g. to read the event store's head position. */
  readonly apiStorage: Storage;
  close(): Promise<void>;
}

/**
 * The real service in this process, as production wires it: the projector following live
 * and the api listening on 127.0.0.1, both on the storage `config` names. Loggers are off.
 */
export async function startService(config: AppConfig): Promise<RunningService> {
  const projector = await createProjector(config);
  await projector.start();
  const { app, storage } = await createApiApp(config, false);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    port,
    app,
    apiStorage: storage,
    async close() {
      await app.close();
      await projector.close();
    },
  };
}
