import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as Pino } from 'pino';
import type { AppConfig } from '@app/platform/config/config';
import { sendProblem } from './problem-details.filter';
import { problem } from './problem';
import { requestIdOf } from './request-id.middleware';
import { observeHttpRequest } from '@app/platform/metrics/metrics';

const REQUEST_PROPERTIES = [
  'principal',
  'checkedCredentialCache',
  'organizationAccess',
  'user',
  'authInfo',
  'login',
  'logIn',
  'logout',
  'logOut',
  'isAuthenticated',
  'isUnauthenticated',
  '_sessionManager',
] as const;

/** `/me` and everything under it: personal answers, never cached by a browser or a proxy. */
const PERSONAL = /^\/me(?:[/?]|$)/;

/**
 * The HTTP rules that hold for every route, as Fastify hooks (cheap, no middleware chain):
 * only uncompressed `application/json` bodies (415 otherwise, 413 above the limit), the
 * request id echoed, `Cache-Control: no-store` on `/me*`, 405 with `Allow` for a known path
 * called with a method it does not have, and one log line per request at `info`.
 */
export function configureHttpPlatform(
  fastify: FastifyInstance,
  config: Pick<AppConfig, 'bodyLimitBytes'>,
  logger: Pino | null,
): void {
  fastify.removeAllContentTypeParsers();
  // Prototype keys are parsed as plain own keys; the validation pipe refuses them by name.
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: config.bodyLimitBytes },
    fastify.getDefaultJsonParser('ignore', 'ignore'),
  );

  // Every property anything sets on a request, declared up front so each request keeps one
  // shape (V8 hidden class): ours, Nest's `user`, and what passport adds on every
  // authenticate() call. Added per request instead, they make Fastify's hot paths polymorphic.
  for (const name of REQUEST_PROPERTIES) fastify.decorateRequest(name, null);

  const routes = new RouteTable();
  fastify.addHook('onRoute', (route) => routes.add(route.url, route.method));

  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    if (PERSONAL.test(request.url)) reply.header('Cache-Control', 'no-store');
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      return refuse(
        reply,
        request,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Compressed bodies are not accepted; send plain application/json.',
      );
    }
    if (request.is404) {
      const allowed = routes.methodsFor(request.url);
      if (allowed.length > 0) {
        return refuse(
          reply,
          request,
          405,
          'METHOD_NOT_ALLOWED',
          `${request.method} is not allowed here; use ${allowed.join(', ')}.`,
          allowed.join(', '),
        );
      }
    }
    done();
  });

  // The one hook that feeds the request metrics (route pattern, status, latency).
  fastify.addHook('onResponse', (request, reply, done) => {
    observeHttpRequest({
      method: request.method,
      route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
      status: reply.statusCode,
      durationSeconds: reply.elapsedTime / 1000,
    });
    done();
  });

  if (logger?.isLevelEnabled('info')) {
    fastify.addHook('onResponse', (request, reply, done) => {
      logger.info({
        msg: 'request',
        requestId: requestIdOf(request),
        method: request.method,
        route: request.is404 ? 'unmatched' : request.routeOptions.url,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
      });
      done();
    });
  }
}

function refuse(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  allow?: string,
): void {
  sendProblem(
    reply,
    { ...problem(status, code, detail), requestId: requestIdOf(request) },
    { allow },
  );
}

/** Route patterns and their methods, to tell "no such path" (404) from "no such method" (405). */
class RouteTable {
  private readonly patterns = new Map<string, { regex: RegExp; methods: Set<string> }>();

  add(url: string, method: string | string[]): void {
    // Catch-alls (the CORS preflight route `OPTIONS *`) say nothing about a path.
    if (url === '*' || url === '/*') return;
    let entry = this.patterns.get(url);
    if (!entry) {
      entry = { regex: toRegex(url), methods: new Set() };
      this.patterns.set(url, entry);
    }
    for (const one of Array.isArray(method) ? method : [method]) entry.methods.add(one);
  }

  methodsFor(url: string): string[] {
    const path = url.split('?', 1)[0] ?? url;
    const methods = new Set<string>();
    for (const { regex, methods: own } of this.patterns.values()) {
      if (regex.test(path)) for (const method of own) methods.add(method);
    }
    return [...methods].sort();
  }
}

function toRegex(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) =>
      segment === '*'
        ? '.*'
        : segment.startsWith(':')
          ? '[^/]+'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}
