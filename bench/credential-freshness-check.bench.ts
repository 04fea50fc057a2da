import { join } from 'node:path';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { EMBEDDED_FILES } from '@app/platform/storage/storage';
import { ApiKeyVerifier } from '../apps/api/src/auth/api-key-verifier';
import type { Benchmark, Metric } from './benchmark';
import { embeddedConfig } from './support/bench-config';
import { KeepAliveClient } from './support/http-client';
import { createKeyOwner } from './support/key-owner';
import { startService } from './support/start-service';
import { elapsedUs, percentile, round, sortedCopy } from './support/stats';
import { withTempDir } from './support/temp-dir';

const SAMPLES = 5_000;
const LIVE_TIMEOUT_MS = 5_000;

/**
 * What "no revocation window" costs on the key-authenticated route. Before a cache hit is
 * trusted, the credential cache reads SQLite's `PRAGMA data_version` (the check); when another
 * connection has committed since, it reads and applies those events first (the catch-up).
 * Measured in-process with ApiKeyVerifier.verify: the check alone, a verification whose hits
 * find the store unchanged, and one right after a commit by another connection (as another
 * api instance or the projector would make).
 */
export const credentialFreshnessCheck: Benchmark = {
  name: 'credential-freshness-check',
  run: () =>
    withTempDir('freshness', async (dataDir) => {
      const config = embeddedConfig(dataDir);
      const service = await startService(config);
      const client = new KeepAliveClient(service.port, 1);
      const otherInstance = new SqliteEventStore(join(dataDir, EMBEDDED_FILES.events));
      try {
        const owner = await createKeyOwner(client, 1);
        const key = owner.keys[0]?.key as string;
        const verifier = service.app.get(ApiKeyVerifier);
        await waitUntilLive(service.app.get(LiveStreamCache));
        const store = service.apiStorage.eventStore;
        const changeToken = store.changeToken;
        if (!changeToken) throw new Error('the SQLite event store offers no change token');
        await verifier.verify(key);
        const checkUs = timeEach(() => changeToken());
        const unchangedUs: number[] = [];
        const afterCommitUs: number[] = [];
        let refused = 0;
        for (let sample = 0; sample < SAMPLES; sample++) {
          let started = process.hrtime.bigint();
          if (!(await verifier.verify(key))) refused += 1;
          unchangedUs.push(elapsedUs(started));
          await commitElsewhere(otherInstance, sample);
          started = process.hrtime.bigint();
          if (!(await verifier.verify(key))) refused += 1;
          afterCommitUs.push(elapsedUs(started));
        }
        return metricsOf(checkUs, unchangedUs, afterCommitUs, refused);
      } finally {
        client.close();
        await otherInstance.close();
        await service.close();
      }
    }),
};

function timeEach(run: () => unknown): number[] {
  const samples: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample++) {
    const started = process.hrtime.bigint();
    run();
    samples.push(elapsedUs(started));
  }
  return samples;
}

/** An event on a stream no credential check reads: it moves the token, evicts nothing used. */
async function commitElsewhere(store: SqliteEventStore, sample: number): Promise<void> {
  await store.append(
    `bench-noise-${sample}`,
    [
      {
        id: crypto.randomUUID(),
        type: 'BenchNoise',
        data: {},
        metadata: { correlationId: 'b', causationId: 'b', actor: { type: 'system', id: 'b' } },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
}

async function waitUntilLive(cache: LiveStreamCache): Promise<void> {
  const deadline = performance.now() + LIVE_TIMEOUT_MS;
  while (!cache.isLive) {
    if (performance.now() > deadline)
      throw new Error(`credential cache not live after ${LIVE_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function metricsOf(
  checkUs: number[],
  unchangedUs: number[],
  afterCommitUs: number[],
  refused: number,
): Metric[] {
  const check = sortedCopy(checkUs);
  const unchanged = sortedCopy(unchangedUs);
  const afterCommit = sortedCopy(afterCommitUs);
  const p = (values: number[], at: number) => round(percentile(values, at), 1);
  return [
    {
      name: 'Freshness check (PRAGMA data_version) p50',
      value: p(check, 50),
      unit: 'µs',
      details: `p99 ${p(check, 99)} µs; ${check.length} reads on the api's own connection`,
    },
    {
      name: 'API-key verification, hits, store unchanged p50',
      value: p(unchanged, 50),
      unit: 'µs',
      details: `p99 ${p(unchanged, 99)} µs; three cache hits, each after one freshness check`,
    },
    {
      name: 'API-key verification, hits after another connection committed p50',
      value: p(afterCommit, 50),
      unit: 'µs',
      details:
        `p99 ${p(afterCommit, 99)} µs; one event committed by a second connection before ` +
        'each: the first hit reads and applies it, the others find the store unchanged',
    },
    {
      name: 'Freshness-check verifications refused',
      value: refused,
      unit: 'verifications',
      details: 'must be 0: the key stays valid throughout',
      ok: refused === 0,
    },
  ];
}
