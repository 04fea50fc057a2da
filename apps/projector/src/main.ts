import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { loadConfig } from '@app/platform/config/config';
import { Progress, PROGRESS_FLAG } from '@app/platform/progress/progress';
import { runMain } from '@app/platform/run-main';
import { createProjector } from './create-projector';
import { listenForProjectorHttp } from './projector-http';

const USAGE = `npm run start:projector [-- --rebuild]
Projects every event into the read models from the stored checkpoint, then follows live.
  --rebuild   drop every read model and its checkpoint first, and replay from position 0
  --progress  report the rebuild's progress on stderr even when it is not a terminal
              (on a terminal it is reported anyway once the rebuild takes over 2 s)
Serves GET /health (200 only while its subscription is live) and GET /metrics on PROJECTOR_PORT.
Environment: DATA_DIR (./data), EVENT_STORE, READ_STORE, EVENTSTORE_URL, MONGO_URL, MASTER_KEY,
PROJECTOR_PORT (3001).`;

runMain(USAGE, async (args) => {
  Logger.overrideLogger(new ConsoleLogger({ json: true }));
  const logger = new Logger('projector');
  const config = loadConfig();
  const process_ = await createProjector(config);
  if (args.includes('--rebuild')) {
    const progress = new Progress({
      label: 'rebuild',
      stream: process.stderr,
      force: args.includes(PROGRESS_FLAG),
    });
    const replayed = await process_.projector.rebuild((done, total) =>
      progress.update(done, total),
    );
    progress.finish(replayed);
    logger.log({ message: 'rebuilt', events: replayed });
  }
  const http = await listenForProjectorHttp(process_.projector, config.projectorPort);
  await process_.start();
  logger.log({ message: 'started', port: config.projectorPort });
  // The subscriptions poll on unref'd timers (a library must not hold a process open), so the
  // process itself stays alive until it is told to stop.
  const keepAlive = setInterval(() => undefined, 60_000);
  const shutdown = () => {
    clearInterval(keepAlive);
    http.close();
    void process_.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
});
