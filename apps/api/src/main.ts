import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/platform/config/config';
import { runMain } from '@app/platform/run-main';
import { createApiApp } from './create-api-app';
import { createApiLogging } from './http/logging';

const USAGE = `npm run start:api: one api instance (several may share one DATA_DIR or one distributed store).
Environment: PORT (3000), DATA_DIR (./data), EVENT_STORE=sqlite|esdb, READ_STORE=sqlite|mongo,
EVENTSTORE_URL, MONGO_URL, MONGO_DATABASE, PEPPER, MASTER_KEY, BCRYPT_COST (12),
LOG_LEVEL=debug|log|warn|error (log; warn silences per-request lines), CORS_ORIGINS.`;

runMain(USAGE, async () => {
  const config = loadConfig();
  const logging = createApiLogging(config);
  Logger.overrideLogger(logging.nest);
  const { app } = await createApiApp(config, logging);
  await app.listen(config.port, '0.0.0.0');
  new Logger('api').log({
    message: 'listening',
    port: config.port,
    profile: `${config.eventStore}+${config.readStore}`,
  });
});
