import { accountStream, apiKeyStream, organizationStream } from '@app/domain';
import { LiveStreamCache } from '@app/event-store/live-stream-cache';
import { ApiKeyVerifier } from '../apps/api/src/auth/api-key-verifier';
import type { Benchmark, Metric } from './benchmark';
import { embeddedConfig } from './support/bench-config';
import { KeepAliveClient } from './support/http-client';
import { createKeyOwner, type KeyOwner } from './support/key-owner';
import { startService } from './support/start-service';
import { elapsedUs, percentile, round, sortedCopy } from './support/stats';
import { withTempDir } from './support/temp-dir';

const KEYS = 200;
/** After one untimed pass, each of ROUNDS passes verifies every key cold once, then warm. */
const ROUNDS = 5;
const HITS_PER_MISS = 4;
const LIVE_TIMEOUT_MS = 5_000;

interface Samples {
  readonly missUs: number[];
  readonly hitUs: number[];
  /** Verifications that did not return a principal: must stay 0. */
  refused: number;
}

/**
 * ApiKeyVerifier.verify called directly, no HTTP: the parse, the three stream loads through
 * the live credential cache (key, owner's account, organization), the secret's HMAC and the
 * usage record. A miss evicts all three streams first, so each is read and folded from the
 * SQLite event store; a hit finds them all in memory.
 */
export const apiKeyVerification: Benchmark = {
  name: 'api-key-verification',
  run: () =>
    withTempDir('key-verify', async (dataDir) => {
      const service = await startService(embeddedConfig(dataDir));
      const client = new KeepAliveClient(service.port, 1);
      try {
        const owner = await createKeyOwner(client, KEYS);
        const verifier = service.app.get(ApiKeyVerifier);
        const cache = service.app.get(LiveStreamCache);
        await waitUntilLive(cache);
        return metricsOf(await measure(verifier, cache, owner));
      } finally {
        client.close();
        await service.close();
      }
    }),
};

async function measure(
  verifier: ApiKeyVerifier,
  cache: LiveStreamCache,
  owner: KeyOwner,
): Promise<Samples> {
  await onePass(verifier, cache, owner, newSamples());
  const samples = newSamples();
  for (let pass = 0; pass < ROUNDS; pass++) await onePass(verifier, cache, owner, samples);
  return samples;
}

const newSamples = (): Samples => ({ missUs: [], hitUs: [], refused: 0 });

/** Every key once right after its three streams are evicted, then HITS_PER_MISS times more. */
async function onePass(
  verifier: ApiKeyVerifier,
  cache: LiveStreamCache,
  owner: KeyOwner,
  samples: Samples,
): Promise<void> {
  const timed = async (key: string, into: number[]) => {
    const started = process.hrtime.bigint();
    const principal = await verifier.verify(key);
    into.push(elapsedUs(started));
    if (principal === null) samples.refused += 1;
  };
  for (const { id, key } of owner.keys) {
    cache.evict(apiKeyStream(id));
    cache.evict(accountStream(owner.userId));
    cache.evict(organizationStream(owner.organizationId));
    await timed(key, samples.missUs);
    for (let hit = 0; hit < HITS_PER_MISS; hit++) await timed(key, samples.hitUs);
  }
}

/** Fail closed: until its subscription is live, the cache serves nothing, so all would miss. */
async function waitUntilLive(cache: LiveStreamCache): Promise<void> {
  const deadline = performance.now() + LIVE_TIMEOUT_MS;
  while (!cache.isLive) {
    if (performance.now() > deadline)
      throw new Error(`credential cache not live after ${LIVE_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function metricsOf(samples: Samples): Metric[] {
  const miss = sortedCopy(samples.missUs);
  const hit = sortedCopy(samples.hitUs);
  const setup = `${KEYS} keys of one owner in one organization, ApiKeyVerifier.verify in-process, no HTTP`;
  return [
    {
      name: 'API-key verification, cache hit p50',
      value: round(percentile(hit, 50)),
      unit: 'µs',
      details: `${hit.length} verifications with key, account and organization cached; ${setup}`,
    },
    {
      name: 'API-key verification, cache hit p99',
      value: round(percentile(hit, 99)),
      unit: 'µs',
      details: `max ${round(hit.at(-1) ?? Number.NaN)} µs`,
    },
    {
      name: 'API-key verification, cache miss p50',
      value: round(percentile(miss, 50)),
      unit: 'µs',
      details:
        `${miss.length} first verifications after evicting the key's, account's and ` +
        `organization's streams: 3 stream reads and folds from the SQLite event store`,
    },
    {
      name: 'API-key verification, cache miss p99',
      value: round(percentile(miss, 99)),
      unit: 'µs',
      details: `max ${round(miss.at(-1) ?? Number.NaN)} µs`,
    },
    {
      name: 'API-key verifications refused',
      value: samples.refused,
      unit: 'verifications',
      details: 'must be 0: every key is valid',
      ok: samples.refused === 0,
    },
  ];
}
