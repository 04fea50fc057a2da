import type { Benchmark, Metric } from './benchmark';
import type { LoadResult } from './support/load-generator';
import { runLoad } from './support/run-load';
import {
  BARE_FASTIFY_MAIN,
  freePorts,
  START_ALL_MAIN,
  startChild,
  startTogether,
  stopAll,
} from './support/child-service';
import { KeepAliveClient } from './support/http-client';
import { createKeyOwner } from './support/key-owner';
import { median, round } from './support/stats';
import { withTempDir } from './support/temp-dir';

const CONNECTIONS = 16;
const WARM_UP_SECONDS = 2;
const SECONDS = 3;
/**
 * Each route is measured in every round; the order alternates so no route gets a quieter
 * machine. Ratios are taken within a round (the same machine state) and the median round is
 * reported: on a shared 2-core VM one route's figure moves by ±10% from one run to the next.
 */
const ROUNDS = 6;

const AIMS = {
  keyedOverBare: 0.5,
  openOverBare: 0.6,
  keyedOverOpen: 0.9,
} as const;

interface Route {
  readonly key: 'bare' | 'open' | 'keyed';
  readonly label: string;
  readonly origin: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
}

/**
 * The HTTP surface against a bare Fastify hello-world, each in its own process (the service
 * as `npm start` runs it), loaded by autocannon in a third process with 16 connections:
 * the unauthenticated GET /password-policy, the key-authenticated GET /integrations/whoami,
 * and the bare route. Ratios are what matter: absolute figures move with the machine.
 */
export const httpSurface: Benchmark = {
  name: 'http-surface',
  run: () =>
    withTempDir('http-surface', async (dataDir) => {
      const [apiPort, barePort] = (await freePorts(2)) as [number, number];
      const children = await startTogether([
        startChild('service', START_ALL_MAIN, dataDir, apiPort),
        startChild('bare fastify', BARE_FASTIFY_MAIN, dataDir, barePort),
      ]);
      try {
        const client = new KeepAliveClient(apiPort, 1);
        const owner = await createKeyOwner(client, 1).finally(() => client.close());
        const apiKey = owner.keys[0]?.key as string;
        const routes: Route[] = [
          {
            key: 'bare',
            label: 'bare Fastify GET /',
            origin: `http://127.0.0.1:${barePort}`,
            path: '/',
          },
          {
            key: 'open',
            label: 'GET /password-policy',
            origin: `http://127.0.0.1:${apiPort}`,
            path: '/password-policy',
          },
          {
            key: 'keyed',
            label: 'GET /integrations/whoami (X-API-Key)',
            origin: `http://127.0.0.1:${apiPort}`,
            path: '/integrations/whoami',
            headers: { 'x-api-key': apiKey },
          },
        ];
        for (const route of routes) await load(route, WARM_UP_SECONDS);
        const results = new Map<Route['key'], LoadResult[]>();
        for (let round = 0; round < ROUNDS; round++) {
          const order = round % 2 === 0 ? routes : [...routes].reverse();
          for (const route of order) {
            results.set(route.key, [...(results.get(route.key) ?? []), await load(route, SECONDS)]);
          }
        }
        const perRound = (key: Route['key']) =>
          (results.get(key) ?? []).map((run) => run.requestsPerSecond);
        const rps = (key: Route['key']) => median(perRound(key));
        const failures = (key: Route['key']) =>
          (results.get(key) ?? []).reduce((sum, run) => sum + run.non2xx + run.errors, 0);
        const metrics: Metric[] = routes.map((route) => ({
          name: `http ${route.label}`,
          value: round(rps(route.key), 0),
          unit: 'req/s',
          details: `autocannon, ${CONNECTIONS} connections, ${ROUNDS}×${SECONDS} s; p99 ${round(
            Math.max(...(results.get(route.key) ?? []).map((run) => run.latencyMs.p99)),
            1,
          )} ms; ${failures(route.key)} non-2xx/errors`,
          ok: failures(route.key) === 0,
        }));
        const ratio = (
          name: keyof typeof AIMS,
          over: Route['key'],
          under: Route['key'],
        ): Metric => {
          const base = perRound(under);
          const rounds = perRound(over).map((value, index) => value / (base[index] as number));
          const value = median(rounds);
          return {
            name: `http ratio ${name}`,
            value: round(value, 2),
            unit: '×',
            details: `aim ≥ ${AIMS[name]}; median of ${ROUNDS} rounds, range ${round(
              Math.min(...rounds),
              2,
            )}–${round(Math.max(...rounds), 2)}`,
            ok: value >= AIMS[name],
          };
        };
        metrics.push(
          ratio('keyedOverBare', 'keyed', 'bare'),
          ratio('openOverBare', 'open', 'bare'),
          ratio('keyedOverOpen', 'keyed', 'open'),
        );
        return metrics;
      } finally {
        await stopAll(children);
      }
    }),
};

/** Autocannon in its own process, one keep-alive connection per client, for a duration. */
function load(route: Route, durationSeconds: number): Promise<LoadResult> {
  return runLoad({
    url: route.origin,
    method: 'GET',
    path: route.path,
    clients: Array.from({ length: CONNECTIONS }, () => ({ headers: route.headers ?? {} })),
    bodies: [],
    durationSeconds,
  });
}
