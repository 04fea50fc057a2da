import { atLeast, type Benchmark, type Metric } from './benchmark';
import { BENCH_BCRYPT_COST, embeddedConfig } from './support/bench-config';
import { KeepAliveClient, type Credential } from './support/http-client';
import { createKeyOwner } from './support/key-owner';
import { startService } from './support/start-service';
import { elapsedMs, perSecond, round } from './support/stats';
import { withTempDir } from './support/temp-dir';

const CLIENTS = 8;
const REQUESTS_PER_ROUTE = 5_000;
/** Each route gets REQUESTS_PER_ROUTE / ROUNDS per round, and they take turns going first. */
const ROUNDS = 10;
const WARM_UP_PER_ROUTE = 500;
const AIM_RATIO = 0.85;

interface Route {
  readonly label: string;
  readonly path: string;
  readonly credential?: Credential;
}

interface Tally {
  ms: number;
  requests: number;
  failures: number;
  firstFailure: string | null;
}

/**
 * Key-authenticated GET /integrations/whoami against the unauthenticated GET /password-policy
 * of the same app in the same run: same clients, same request count, interleaved in rounds
 * so that neither route gets a warmer or quieter machine. The api and the live projector
 * run in this process.
 */
export const apiKeyAuthThroughput: Benchmark = {
  name: 'api-key-auth-throughput',
  run: () =>
    withTempDir('key-throughput', async (dataDir) => {
      const service = await startService(embeddedConfig(dataDir));
      const client = new KeepAliveClient(service.port, CLIENTS);
      try {
        const owner = await createKeyOwner(client, 1);
        const apiKey = owner.keys[0]?.key as string;
        const keyed: Route = {
          label: 'GET /integrations/whoami',
          path: '/integrations/whoami',
          credential: { apiKey },
        };
        const open: Route = { label: 'GET /password-policy', path: '/password-policy' };
        await burst(client, keyed, WARM_UP_PER_ROUTE, newTally());
        await burst(client, open, WARM_UP_PER_ROUTE, newTally());
        const keyedTally = newTally();
        const openTally = newTally();
        for (let pass = 0; pass < ROUNDS; pass++) {
          const turns: [Route, Tally][] = [
            [keyed, keyedTally],
            [open, openTally],
          ];
          if (pass % 2 === 1) turns.reverse();
          for (const [route, tally] of turns)
            await burst(client, route, REQUESTS_PER_ROUTE / ROUNDS, tally);
        }
        return metricsOf(keyed, keyedTally, open, openTally);
      } finally {
        client.close();
        await service.close();
      }
    }),
};

const newTally = (): Tally => ({ ms: 0, requests: 0, failures: 0, firstFailure: null });

/** CLIENTS concurrent keep-alive clients share `count` requests; the wall time goes to `tally`. */
async function burst(
  client: KeepAliveClient,
  route: Route,
  count: number,
  tally: Tally,
): Promise<void> {
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (issued < count) {
        issued += 1;
        const answer = await client.send('GET', route.path, undefined, route.credential);
        if (answer.status !== 200) {
          tally.failures += 1;
          tally.firstFailure ??= `${route.label}: ${answer.status} ${JSON.stringify(answer.body)}`;
        }
      }
    }),
  );
  tally.ms += elapsedMs(started);
  tally.requests += count;
}

function metricsOf(keyed: Route, keyedTally: Tally, open: Route, openTally: Tally): Metric[] {
  const keyedRate = perSecond(keyedTally.requests, keyedTally.ms);
  const openRate = perSecond(openTally.requests, openTally.ms);
  const ratio = round(keyedRate / openRate);
  const failures = keyedTally.failures + openTally.failures;
  const firstFailure = keyedTally.firstFailure ?? openTally.firstFailure;
  const setup =
    `${REQUESTS_PER_ROUTE} requests per route, ${CLIENTS} keep-alive clients, ` +
    `${ROUNDS} interleaved rounds after ${WARM_UP_PER_ROUTE} warm-up requests per route`;
  return [
    {
      name: `API-key requests (${keyed.label})`,
      value: keyedRate,
      unit: 'req/s',
      details:
        `${setup}; X-API-Key, verified through the live credential cache; api + live ` +
        `projector in-process, BCRYPT_COST=${BENCH_BCRYPT_COST}`,
    },
    {
      name: `Unauthenticated requests (${open.label})`,
      value: openRate,
      unit: 'req/s',
      details: 'same app, same run, same clients: the baseline of the ratio below',
    },
    {
      name: 'API-key / unauthenticated throughput',
      value: ratio,
      unit: 'ratio',
      details: 'key-authenticated req/s divided by unauthenticated req/s',
      aim: atLeast(ratio, AIM_RATIO, ''),
    },
    {
      name: 'API-key throughput non-200 answers',
      value: failures,
      unit: 'answers',
      details: firstFailure ? `must be 0; first: ${firstFailure}` : 'must be 0',
      ok: failures === 0,
    },
  ];
}
