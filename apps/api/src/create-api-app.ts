import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { openStorage, type Storage } from '@app/platform/storage/storage';
import { ApiModule } from './api.module';
import { RequestAuthenticator } from './auth/request-authenticator';
import { trackProjection } from '@app/platform/metrics/metrics';
import { configureHttpPlatform } from './http/http-platform';
import type { ApiLogging } from './http/logging';
import { finishDocument, MAX_PARAM_LENGTH, ProblemDetailsDto } from './http/openapi';
import { problem } from './http/problem';
import { ProblemDetailsFilter, sendProblem } from './http/problem-details.filter';
import { requestIdFor } from './http/request-id.middleware';
import { createValidationPipe } from './http/validation.pipe';

/** The OpenAPI document of the app, complete (see http/openapi.ts). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Account and API keys')
      .setDescription('Account self-service and organization-scoped API keys, event-sourced.')
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://account-keys.dev/license')
      .addServer('/', 'This instance')
      .addBearerAuth({ type: 'http', scheme: 'bearer' }, 'bearer')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
      .build(),
    { extraModels: [ProblemDetailsDto], operationIdFactory: (_controller, method) => method },
  );
  return finishDocument(document);
}

export interface ApiApp {
  readonly app: INestApplication;
  readonly storage: Storage;
}

/** Builds the api exactly as production runs it; tests call this too, then `listen(0)`. */
export async function createApiApp(
  config: AppConfig,
  logging: ApiLogging | false,
): Promise<ApiApp> {
  const storage = await openStorage(config);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdFor,
    // Fastify's own per-request logging is off: one line per request is written by our hook.
    logger: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // The router's own refusals (a malformed URL, an id longer than any id): no such resource.
    frameworkErrors: (_error: Error, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(reply, {
        ...problem(404, 'NOT_FOUND', 'No such resource.'),
        requestId: String(request.id),
      }),
  });
  configureHttpPlatform(adapter.getInstance(), config, logging ? logging.pino : null);
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.register(config, loadSecrets(config), storage),
    adapter,
    { logger: logging ? logging.nest : false, bodyParser: false },
  );
  trackProjection(storage.eventStore, storage.readStore);
  // Before Nest registers its routes (at init), so that the hook applies to every one of them;
  // at preValidation, once the whole request (its body too) has arrived.
  adapter.getInstance().addHook('preValidation', app.get(RequestAuthenticator).beforeHandling);
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.corsOrigins],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'X-API-Key', 'Content-Type', 'If-Match', 'X-Request-Id'],
      exposedHeaders: ['ETag', 'Retry-After', 'X-Request-Id', 'WWW-Authenticate', 'Allow'],
      maxAge: 600,
    });
  }
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await storage.close();
  };
  return { app, storage };
}
