import Fastify from 'fastify';

/**
 * The reference: a bare Fastify hello-world (`GET /` → `{"hello":"world"}`), no logger, on
 * 127.0.0.1:PORT. `npm run bench` starts it as its own process, like the service.
 */
async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  app.get('/health', async () => ({ status: 'ok' }));
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
