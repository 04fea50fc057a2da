import { randomBytes, randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { accountStream, apiKeyDecider, apiKeyStream, organizationStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { EVENT_CODEC, type EventCodec } from '@app/event-store/event-codec';
import type { EventStore } from '@app/event-store/event-store.port';
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

const STORE_KEYS = 1_000;
const LARGE_STORE_KEYS = 100_000;
/** Other keys are appended this many at a time (concurrent appends share a commit). */
const FILL_CONCURRENCY = 256;

/**
 * ApiKeyVerifier.verify called directly, no HTTP: the parse, the three stream loads through
 * the live credential cache (key, owner's account, organization), the secret's HMAC and the
 * usage record. A miss evicts all three streams first, so each is read and folded from the
 * SQLite event store; a hit finds them all in memory. The store holds STORE_KEYS keys
 * (LARGE_STORE_KEYS with --large): KEYS measured ones issued over HTTP, the rest appended
 * straight through the api's aggregate store. Then a second credential cache, without the
 * api's cap, holds every key in the store at once, to show its memory per live key.
 */
export const apiKeyVerification: Benchmark = {
  name: 'api-key-verification',
  run: async ({ large }) => {
    const metrics = await withKeysInStore(STORE_KEYS);
    if (large) metrics.push(...(await withKeysInStore(LARGE_STORE_KEYS)));
    return metrics;
  },
};

function withKeysInStore(storeKeys: number): Promise<Metric[]> {
  return withTempDir('key-verify', async (dataDir) => {
    const service = await startService(embeddedConfig(dataDir));
    const client = new KeepAliveClient(service.port, 1);
    try {
      const owner = await createKeyOwner(client, KEYS);
      const aggregates = service.app.get(AggregateStore);
      const fillerIds = await issueKeys(aggregates, owner, storeKeys - KEYS);
      const verifier = service.app.get(ApiKeyVerifier);
      const cache = service.app.get(LiveStreamCache);
      await waitUntilLive(cache);
      const samples = await measure(verifier, cache, owner);
      const codec = service.app.get<symbol, EventCodec>(EVENT_CODEC);
      const memory = await cacheMemory(service.apiStorage.eventStore, codec, [
        ...owner.keys.map((key) => key.id),
        ...fillerIds,
      ]);
      return [...metricsOf(samples, storeKeys), memory];
    } finally {
      client.close();
      await service.close();
    }
  });
}

/** Keys of the same owner and organization, issued with the api's own command loop. */
async function issueKeys(
  aggregates: AggregateStore,
  owner: KeyOwner,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  const metadata = {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { type: 'system' as const, id: 'bench' },
  };
  for (let first = 0; first < count; first += FILL_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(FILL_CONCURRENCY, count - first) }, (_, index) => {
      const keyId = `${String(first + index).padStart(8, '0')}bench000`.slice(0, 16);
      ids.push(keyId);
      return aggregates.handle(
        apiKeyStream(keyId),
        apiKeyDecider,
        () => ({
          type: 'IssueApiKey' as const,
          data: {
            keyId,
            organizationId: owner.organizationId,
            ownerId: owner.userId,
            description: `filler ${first + index}`,
            secretHash: randomBytes(32).toString('base64url'),
            maskedKey: 'ak_…fill',
            now: new Date().toISOString(),
          },
        }),
        { expectedRevision: 'no_stream', metadata },
      );
    });
    await Promise.all(batch);
  }
  return ids;
}

/**
 * Heap growth of a fresh, uncapped credential cache once it holds every key stream. Its
 * aggregate store keeps nothing itself (cap 0), so the folded states are the cache's own.
 */
async function cacheMemory(
  store: EventStore,
  codec: EventCodec,
  keyIds: readonly string[],
): Promise<Metric> {
  const cache = new LiveStreamCache(store, new AggregateStore(store, codec, 0), keyIds.length * 2);
  cache.start();
  try {
    await waitUntilLive(cache);
    const before = settledHeap();
    for (const keyId of keyIds) await cache.load(apiKeyStream(keyId), apiKeyDecider);
    const after = settledHeap();
    const bytes = Math.max(0, after - before);
    return {
      name: `Credential cache memory, ${keyIds.length.toLocaleString('en-US')} live keys`,
      value: round(bytes / 1024 / 1024, 1),
      unit: 'MiB',
      details:
        `${Math.round(bytes / keyIds.length)} B per key stream (folded state + revision + hash), ` +
        `heap after a full GC; the api caps its cache at 50,000 streams`,
    };
  } finally {
    await cache.close();
  }
}

/** Heap in use after a full collection (GC exposed at run time, no node flag needed). */
function settledHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

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

function metricsOf(samples: Samples, storeKeys: number): Metric[] {
  const miss = sortedCopy(samples.missUs);
  const hit = sortedCopy(samples.hitUs);
  const inStore = `${storeKeys.toLocaleString('en-US')} keys in the store`;
  const setup = `${KEYS} keys of one owner in one organization measured, ApiKeyVerifier.verify in-process, no HTTP`;
  return [
    {
      name: `API-key verification, cache hit p50, ${inStore}`,
      value: round(percentile(hit, 50)),
      unit: 'µs',
      details: `${hit.length} verifications with key, account and organization cached; ${setup}`,
    },
    {
      name: `API-key verification, cache hit p99, ${inStore}`,
      value: round(percentile(hit, 99)),
      unit: 'µs',
      details: `max ${round(hit.at(-1) ?? Number.NaN)} µs`,
    },
    {
      name: `API-key verification, cache miss p50, ${inStore}`,
      value: round(percentile(miss, 50)),
      unit: 'µs',
      details:
        `${miss.length} first verifications after evicting the key's, account's and ` +
        `organization's streams: 3 stream reads and folds from the SQLite event store`,
    },
    {
      name: `API-key verification, cache miss p99, ${inStore}`,
      value: round(percentile(miss, 99)),
      unit: 'µs',
      details: `max ${round(miss.at(-1) ?? Number.NaN)} µs`,
    },
    {
      name: `API-key verifications refused, ${inStore}`,
      value: samples.refused,
      unit: 'verifications',
      details: 'must be 0: every key is valid',
      ok: samples.refused === 0,
    },
  ];
}
