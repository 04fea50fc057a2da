import type { Benchmark, Metric } from './benchmark';
import { BENCH_BCRYPT_COST, embeddedConfig } from './support/bench-config';
import { KeepAliveClient } from './support/http-client';
import { startService } from './support/start-service';
import { elapsedMs, percentile, perSecond, round, sortedCopy } from './support/stats';
import { withTempDir } from './support/temp-dir';

const CLIENTS = 8;
const REQUESTS = 3_000;
const WARM_UP_PER_CLIENT = 10;
const PASSWORD = 'Str0ng!Passw0rd';

interface BenchUser {
  readonly token: string;
  /** Alternates between two names so that every PATCH really records a NameChanged. */
  nextName(): string;
}

/**
 * PATCH /me over real HTTP: CLIENTS concurrent keep-alive clients, each logged in as its own
 * user, share REQUESTS name changes. The api and the live projector run in this process.
 */
export const httpNameChanges: Benchmark = {
  name: 'http-name-changes',
  run: () =>
    withTempDir('http', async (dataDir) => {
      const service = await startService(embeddedConfig(dataDir));
      const client = new KeepAliveClient(service.port, CLIENTS);
      try {
        const users = await Promise.all(
          Array.from({ length: CLIENTS }, (_, index) => registerAndLogin(client, index)),
        );
        await Promise.all(users.map((user) => warmUp(client, user)));
        const events = service.apiStorage.eventStore;
        const headBefore = await events.headPosition();
        const run = await changeNames(client, users);
        const recorded = Number((await events.headPosition()) - headBefore);
        return metricsOf(run, recorded);
      } finally {
        client.close();
        await service.close();
      }
    }),
};

interface Run {
  readonly totalMs: number;
  /** Per request, in the order the requests were issued. */
  readonly latenciesMs: readonly number[];
  readonly failures: number;
  readonly firstFailure: string | null;
}

async function changeNames(client: KeepAliveClient, users: readonly BenchUser[]): Promise<Run> {
  const latenciesMs = new Array<number>(REQUESTS);
  let issued = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  const started = performance.now();
  await Promise.all(
    users.map(async (user) => {
      while (issued < REQUESTS) {
        const index = issued++;
        const sent = performance.now();
        const answer = await client.send(
          'PATCH',
          '/me',
          { firstName: user.nextName() },
          user.token,
        );
        latenciesMs[index] = elapsedMs(sent);
        if (answer.status !== 200) {
          failures += 1;
          firstFailure ??= `${answer.status} ${JSON.stringify(answer.body)}`;
        }
      }
    }),
  );
  return { totalMs: elapsedMs(started), latenciesMs, failures, firstFailure };
}

function metricsOf(run: Run, recorded: number): Metric[] {
  const sorted = sortedCopy(run.latenciesMs);
  const tenth = Math.floor(REQUESTS / 10);
  const firstTenthP50 = percentile(sortedCopy(run.latenciesMs.slice(0, tenth)), 50);
  const lastTenthP50 = percentile(sortedCopy(run.latenciesMs.slice(-tenth)), 50);
  const eventsPerStream = Math.round(REQUESTS / CLIENTS + WARM_UP_PER_CLIENT + 1);
  const setup = `${REQUESTS} requests, ${CLIENTS} keep-alive clients x 1 user, api + live projector in-process, BCRYPT_COST=${BENCH_BCRYPT_COST}`;
  return [
    {
      name: 'HTTP name changes (PATCH /me)',
      value: perSecond(REQUESTS, run.totalMs),
      unit: 'req/s',
      details: `${setup}; ${recorded} events recorded in ${round(run.totalMs / 1000)} s`,
      ok: recorded === REQUESTS,
    },
    {
      name: 'HTTP name change latency p50',
      value: round(percentile(sorted, 50)),
      unit: 'ms',
      details: `first 10% of requests ${round(firstTenthP50)} ms -> last 10% ${round(lastTenthP50)} ms, as each account stream grows to ~${eventsPerStream} events`,
    },
    {
      name: 'HTTP name change latency p99',
      value: round(percentile(sorted, 99)),
      unit: 'ms',
      details: `max ${round(sorted.at(-1) ?? Number.NaN)} ms`,
    },
    {
      name: 'HTTP name change non-200 answers',
      value: run.failures,
      unit: 'answers',
      details: run.firstFailure ? `must be 0; first: ${run.firstFailure}` : 'must be 0',
      ok: run.failures === 0,
    },
  ];
}

async function registerAndLogin(client: KeepAliveClient, index: number): Promise<BenchUser> {
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
  let changes = 0;
  return {
    token: login.body.accessToken as string,
    nextName: () => (changes++ % 2 === 0 ? 'Alpha' : 'Bravo'),
  };
}

async function warmUp(client: KeepAliveClient, user: BenchUser): Promise<void> {
  for (let request = 0; request < WARM_UP_PER_CLIENT; request++) {
    const answer = await client.send('PATCH', '/me', { firstName: user.nextName() }, user.token);
    if (answer.status !== 200)
      throw new Error(`warm-up: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}
