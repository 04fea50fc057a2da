import { atLeast, below, type Benchmark, type Metric } from './benchmark';
import { BENCH_BCRYPT_COST, embeddedConfig } from './support/bench-config';
import { KeepAliveClient } from './support/http-client';
import { runLoad } from './support/run-load';
import { startService } from './support/start-service';
import { round } from './support/stats';
import { withTempDir } from './support/temp-dir';

const CLIENTS = 16;
const REQUESTS = 16_000;
const WARM_UP_PER_CLIENT = 20;
const PASSWORD = 'Str0ng!Passw0rd';
const NAMES = ['Alpha', 'Bravo'] as const;
const AIM_REQUESTS_PER_SECOND = 2_000;
const AIM_P99_MS = 20;

/**
 * PATCH /me over real HTTP: CLIENTS keep-alive connections, each logged in as its own user,
 * share REQUESTS name changes; each request alternates the name, so every one records a
 * NameChanged. The load generator (autocannon) runs in its own process; the api and the live
 * projector run in this one.
 */
export const httpNameChanges: Benchmark = {
  name: 'http-name-changes',
  run: () =>
    withTempDir('http', async (dataDir) => {
      const service = await startService(embeddedConfig(dataDir));
      const client = new KeepAliveClient(service.port, CLIENTS);
      try {
        const tokens = await Promise.all(
          Array.from({ length: CLIENTS }, (_, index) => registerAndLogin(client, index)),
        );
        await Promise.all(tokens.map((token) => warmUp(client, token)));
        const events = service.apiStorage.eventStore;
        const headBefore = await events.headPosition();
        const result = await runLoad({
          url: `http://127.0.0.1:${service.port}`,
          method: 'PATCH',
          path: '/me',
          clients: tokens.map((token) => ({ headers: { authorization: `Bearer ${token}` } })),
          bodies: NAMES.map((firstName) => JSON.stringify({ firstName })),
          requests: REQUESTS,
        });
        // Renames only: the projector also seals the log (LogSealed) every 1,000 events.
        const recorded = (await events.readAll({ after: headBefore, limit: 2 * REQUESTS })).filter(
          (event) => event.type === 'NameChanged',
        ).length;
        const setup =
          `${result.requests} requests, ${CLIENTS} keep-alive connections x 1 user each, ` +
          `autocannon in its own process; api + live projector in-process, BCRYPT_COST=${BENCH_BCRYPT_COST}`;
        const metrics: Metric[] = [
          {
            name: 'HTTP name changes (PATCH /me)',
            value: result.requestsPerSecond,
            unit: 'req/s',
            details: `${setup}; ${recorded} events recorded in ${round(result.seconds)} s`,
            ok: recorded === result.requests,
            aim: atLeast(result.requestsPerSecond, AIM_REQUESTS_PER_SECOND, 'req/s'),
          },
          {
            name: 'HTTP name change latency p50',
            value: result.latencyMs.p50,
            unit: 'ms',
            details: 'autocannon, from request written to response read',
          },
          {
            name: 'HTTP name change latency p99',
            value: result.latencyMs.p99,
            unit: 'ms',
            details: `max ${result.latencyMs.max} ms`,
            aim: below(result.latencyMs.p99, AIM_P99_MS, 'ms'),
          },
          {
            name: 'HTTP name change non-2xx answers and errors',
            value: result.non2xx + result.errors,
            unit: 'answers',
            details: `must be 0 (${result.non2xx} non-2xx, ${result.errors} errors)`,
            ok: result.non2xx + result.errors === 0,
          },
        ];
        return metrics;
      } finally {
        client.close();
        await service.close();
      }
    }),
};

async function registerAndLogin(client: KeepAliveClient, index: number): Promise<string> {
  const email = `bench${index}.${Date.now()}@example.com`;
  const registered = await client.send('POST', '/auth/register', {
    email,
    password: PASSWORD,
    firstName: 'Bench',
    lastName: `User${index}`,
  });
  if (registered.status !== 201)
    throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const login = await client.send('POST', '/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.accessToken as string;
}

/** Ends on the last of NAMES, so that the load's first body changes the name again. */
async function warmUp(client: KeepAliveClient, token: string): Promise<void> {
  for (let request = 0; request < WARM_UP_PER_CLIENT; request++) {
    const firstName = NAMES[request % NAMES.length];
    const answer = await client.send('PATCH', '/me', { firstName }, token);
    if (answer.status !== 200)
      throw new Error(`warm-up: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}
