import { Counter, Gauge, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import type { EventStore } from '@app/event-store/event-store.port';
import type { ReadStore } from '@app/read-store/read-store.port';
import { PROJECTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';

/**
 * What `GET /metrics` shows, on the api and on the projector, in the Prometheus text format.
 * One registry per process: `npm start` runs both in one process and shows both on the api.
 * Every label value comes from a short fixed list or a route pattern, never from a request.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];

/*
 * What the request path counts is plain numbers, handed to the registry when scraped:
 * prom-client validates and hashes the labels on every `inc` and `observe`, a measurable share
 * of a request that does little else (README "Benchmarks").
 */

/** Upper bounds of the latency histogram's buckets, in seconds. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface HttpSeries {
  readonly labels: { readonly method: string; readonly route: string; readonly status: string };
  requests: number;
  durationSum: number;
  /** Observations per bucket (not cumulative); one more slot for above the last bound. */
  readonly durationBuckets: number[];
}

/** One entry per (method, route pattern, status): bounded, routes are patterns. */
const httpSeries = new Map<string, HttpSeries>();

new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers,
  collect() {
    this.reset();
    for (const { labels, requests } of httpSeries.values()) this.inc(labels, requests);
  },
});

const DURATION = 'http_request_duration_seconds';

/**
 * The latency histogram in the shape prom-client's own Histogram exposes (cumulative
 * `_bucket` series with `le`, then `_sum` and `_count`), built from `httpSeries` when scraped.
 */
const httpDuration = {
  name: DURATION,
  help: 'Time from request to response, by method, route pattern and status code',
  type: 'histogram',
  aggregator: 'sum',
  async get() {
    const values: { value: number; labels: Record<string, string | number>; metricName: string }[] =
      [];
    for (const { labels, requests, durationSum, durationBuckets } of httpSeries.values()) {
      let below = 0;
      DURATION_BUCKETS.forEach((le, index) => {
        below += durationBuckets[index] as number;
        values.push({ value: below, labels: { ...labels, le }, metricName: `${DURATION}_bucket` });
      });
      values.push({
        value: requests,
        labels: { ...labels, le: '+Inf' },
        metricName: `${DURATION}_bucket`,
      });
      values.push({ value: durationSum, labels, metricName: `${DURATION}_sum` });
      values.push({ value: requests, labels, metricName: `${DURATION}_count` });
    }
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values,
    };
  },
};
metricsRegistry.registerMetric(httpDuration as unknown as Metric);

export interface HttpRequestObservation {
  readonly method: string;
  /** The route pattern (`/orgs/:orgId/api-keys`), or `unmatched`: never the raw path. */
  readonly route: string;
  readonly status: number;
  readonly durationSeconds: number;
}

/** The one place an answered HTTP request is counted; the platform's hook calls it. */
export function observeHttpRequest(request: HttpRequestObservation): void {
  const id = `${request.method} ${request.route} ${request.status}`;
  let series = httpSeries.get(id);
  if (!series) {
    const labels = { method: request.method, route: request.route, status: String(request.status) };
    series = {
      labels,
      requests: 0,
      durationSum: 0,
      durationBuckets: new Array<number>(DURATION_BUCKETS.length + 1).fill(0),
    };
    httpSeries.set(id, series);
  }
  const seconds = request.durationSeconds;
  let bucket = 0;
  while (bucket < DURATION_BUCKETS.length && seconds > (DURATION_BUCKETS[bucket] as number))
    bucket += 1;
  series.durationBuckets[bucket] = (series.durationBuckets[bucket] as number) + 1;
  series.durationSum += seconds;
  series.requests += 1;
}

/** A labelled counter whose label takes one of a fixed list of values. */
function countsOf<Value extends string>(
  config: { readonly name: string; readonly help: string; readonly label: string },
  values: readonly Value[],
): Record<Value, number> {
  const counts = Object.fromEntries(values.map((value) => [value, 0])) as Record<Value, number>;
  new Counter({
    name: config.name,
    help: config.help,
    labelNames: [config.label],
    registers,
    collect() {
      this.reset();
      for (const value of values) this.inc({ [config.label]: value }, counts[value]);
    },
  });
  return counts;
}

export type KeyVerificationOutcome = 'valid' | 'malformed' | 'rejected';

const keyVerifications = countsOf<KeyVerificationOutcome>(
  {
    name: 'api_key_verifications_total',
    help: 'API key verifications by outcome: valid, malformed (shape or checksum), rejected',
    label: 'outcome',
  },
  ['valid', 'malformed', 'rejected'],
);

export function observeKeyVerification(outcome: KeyVerificationOutcome): void {
  keyVerifications[outcome] += 1;
}

export type CredentialCacheResult = 'hit' | 'miss' | 'bypass';

const credentialCacheLookups = countsOf<CredentialCacheResult>(
  {
    name: 'credential_cache_lookups_total',
    help: 'Credential stream loads: hit (served from memory), miss (read and cached), bypass (read, cache not live)',
    label: 'result',
  },
  ['hit', 'miss', 'bypass'],
);

export function observeCredentialCacheLookup(result: CredentialCacheResult): void {
  credentialCacheLookups[result] += 1;
}

const SUBSCRIPTION_STATES = ['catching-up', 'live', 'down', 'failed'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

const subscriptionState = new Gauge({
  name: 'event_subscription_state',
  help: 'Event store subscriptions: 1 for the state each one is in, 0 for the others',
  labelNames: ['subscription', 'state'] as const,
  registers,
});

/** `subscription`: credential_cache (api), projector or reactor. */
export function setSubscriptionState(subscription: string, state: SubscriptionState): void {
  for (const each of SUBSCRIPTION_STATES)
    subscriptionState.set({ subscription, state: each }, each === state ? 1 : 0);
}

/** Counting stops here: a lag above it reads as "at least". */
export const LAG_COUNT_LIMIT = 10_000;

let projection: { eventStore: EventStore; readStore: ReadStore } | null = null;

/** Where the projection figures below are read from (the last caller wins). */
export function trackProjection(eventStore: EventStore, readStore: ReadStore): void {
  projection = { eventStore, readStore };
}

interface ProjectionFigures {
  readonly checkpoint: bigint;
  readonly head: bigint;
  readonly lagEvents: number;
}

/** The projector's checkpoint, the head of the log, and the events between them. */
export async function readProjectionFigures(
  eventStore: EventStore,
  readStore: ReadStore,
): Promise<ProjectionFigures> {
  const [head, stored] = await Promise.all([
    eventStore.headPosition(),
    readStore.getCheckpoint(PROJECTOR_CHECKPOINT),
  ]);
  const checkpoint = stored ?? 0n;
  const lagEvents =
    head > checkpoint
      ? (await eventStore.readAll({ after: checkpoint, limit: LAG_COUNT_LIMIT })).length
      : 0;
  return { checkpoint, head, lagEvents };
}

let figures: Promise<ProjectionFigures | null> | null = null;

/** One read of the stores per scrape, shared by the three gauges. */
function currentFigures(): Promise<ProjectionFigures | null> {
  if (!projection) return Promise.resolve(null);
  figures ??= readProjectionFigures(projection.eventStore, projection.readStore)
    .catch(() => null)
    .finally(() => setImmediate(() => (figures = null)));
  return figures;
}

new Gauge({
  name: 'projector_checkpoint_position',
  help: 'Log position the read models have been projected to (the stored checkpoint)',
  registers,
  async collect() {
    const read = await currentFigures();
    if (read) this.set(Number(read.checkpoint));
  },
});

new Gauge({
  name: 'event_store_head_position',
  help: 'Position of the last application event in the log',
  registers,
  async collect() {
    const read = await currentFigures();
    if (read) this.set(Number(read.head));
  },
});

new Gauge({
  name: 'projector_lag_events',
  help: `Events in the log not yet projected (counted up to ${LAG_COUNT_LIMIT})`,
  registers,
  async collect() {
    const read = await currentFigures();
    if (read) this.set(read.lagEvents);
  },
});
