import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { loadConfig } from '@app/platform/config/config';
import { runMain } from '@app/platform/run-main';
import { createApiApp } from './create-api-app';

const USAGE = `npm run start:api: one api instance (several may share one DATA_DIR or one distributed store).
Environment: PORT (3000), DATA_DIR (./data), EVENT_STORE=sqlite|esdb, READ_STORE=sqlite|mongo,
EVENTSTORE_URL, MONGO_URL, MONGO_DATABASE, PEPPER, MASTER_KEY, BCRYPT_COST (12), LOG_LEVEL.`;

runMain(USAGE, async () => {
  const config = loadConfig();
  const logger = new ConsoleLogger({ json: true, logLevels: logLevelsFrom(config.logLevel) });
  const { app } = await createApiApp(config, logger);
  await app.listen(config.port);
  new Logger('api').log({
    message: 'listening',
    port: config.port,
    profile: `${config.eventStore}+${config.readStore}`,
  });
});

function logLevelsFrom(level: string) {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level as (typeof order)[number]) + 1);
}
