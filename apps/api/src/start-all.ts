import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { loadConfig } from '@app/platform/config/config';
import { runMain } from '@app/platform/run-main';
import { createProjector } from '../../projector/src/create-projector';
import { createApiApp } from './create-api-app';

const USAGE = `npm start: the whole service on the configured profile (embedded by default):
one api instance and the projector, in one process. Same environment as start:api.`;

runMain(USAGE, async () => {
  const config = loadConfig();
  const logger = new ConsoleLogger({ json: true });
  Logger.overrideLogger(logger);
  const projector = await createProjector(config);
  await projector.start();
  const { app } = await createApiApp(config, logger);
  await app.listen(config.port);
  new Logger('service').log({ message: 'listening', port: config.port, dataDir: config.dataDir });
  const shutdown = () => {
    void Promise.allSettled([app.close(), projector.close()]).then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
});
