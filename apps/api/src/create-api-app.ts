import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { openStorage, type Storage } from '@app/platform/storage/storage';
import { ApiModule } from './api.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { assignRequestId } from './http/request-id.middleware';
import { logRequest } from './http/request-logger.middleware';
import { measureRequest } from './http/request-metrics.middleware';
import { trackProjection } from '@app/platform/metrics/metrics';
import { createValidationPipe } from './http/validation.pipe';

export interface ApiApp {
  readonly app: INestApplication;
  readonly storage: Storage;
}

/** Builds the api exactly as production runs it; tests call this too, then `listen(0)`. */
export async function createApiApp(
  config: AppConfig,
  logger: LoggerService | false,
): Promise<ApiApp> {
  const storage = await openStorage(config);
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.register(config, loadSecrets(config), storage),
    { logger, bodyParser: false },
  );
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(assignRequestId, logRequest, measureRequest);
  trackProjection(storage.eventStore, storage.readStore);
  // No compressed bodies: `inflate: false` answers them 415 instead of feeding zlib errors on.
  app.useBodyParser('json', { limit: config.bodyLimitBytes, strict: true, inflate: false });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Account and API keys')
      .setDescription('Account self-service and organization-scoped API keys, event-sourced.')
      .setVersion('1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await storage.close();
  };
  return { app, storage };
}
