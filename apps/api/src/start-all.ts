import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/platform/config/config';
import { runMain } from '@app/platform/run-main';
import { createProjector } from '../../projector/src/create-projector';
import { createApiApp } from './create-api-app';
import { createApiLogging } from './http/logging';

const USAGE = `npm start: the whole service on the configured profile (embedded by default):
one api instance and the projector, in one process. Same environment as start:api.`;

runMain(USAGE, async () => {
  const config = loadConfig();
  const logging = createApiLogging(config);
  Logger.overrideLogger(logging.nest);
  const projector = await createProjector(config);
  await projector.start();
  const { app } = await createApiApp(config, logging);
  await app.listen(config.port, '0.0.0.0');
  new Logger('service').log({ message: 'listening', port: config.port, dataDir: config.dataDir });
  const shutdown = () => {
    void Promise.allSettled([app.close(), projector.close()]).then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
});
