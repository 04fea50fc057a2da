import { createApiApp } from '../../apps/api/src/create-api-app';
import type { TestService } from './test-service';

/**
 * Another api instance on the same storage as a test service (the same DATA_DIR or the same
 * MongoDB database, the same secrets): its own credential cache and live subscription, as a
 * second `npm run start:api` has.
 */
export async function startSecondApi(
  service: TestService,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const { app } = await createApiApp(service.config, false);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
