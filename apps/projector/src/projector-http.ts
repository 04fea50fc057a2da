import { createServer, type Server } from 'node:http';
import { metricsRegistry } from '@app/platform/metrics/metrics';
import type { Projector } from './projector';

/**
 * The projector's own small HTTP surface, for the compose health check and for Prometheus:
 * `GET /health` answers 200 only while the subscription is live (503 while catching up, down
 * or failed), `GET /metrics` the Prometheus text. Nothing else, and no request data is read.
 */
export function listenForProjectorHttp(
  projector: Projector,
  port: number,
  host = '0.0.0.0',
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || (path !== '/health' && path !== '/metrics')) {
      response.writeHead(404, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }));
      return;
    }
    if (path === '/metrics') {
      metricsRegistry.metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': metricsRegistry.contentType });
          response.end(text);
        },
        () => {
          response.writeHead(500);
          response.end();
        },
      );
      return;
    }
    const status = projector.currentStatus;
    response.writeHead(status === 'live' ? 200 : 503, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        status: status === 'live' ? 'ok' : 'unavailable',
        subscription: status,
        position: projector.position?.toString() ?? null,
      }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
