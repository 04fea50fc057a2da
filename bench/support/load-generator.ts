import autocannon from 'autocannon';

/** What the parent asks of one load run; passed as JSON in argv[2]. */
export interface LoadSpec {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  /** One keep-alive connection per entry, each with its own headers (e.g. its own account). */
  readonly clients: readonly { readonly headers: Readonly<Record<string, string>> }[];
  /** Each connection sends these bodies in turn, again and again (none: requests without a body). */
  readonly bodies: readonly string[];
  /** Requests in total, shared evenly by the connections; or, instead, a duration. */
  readonly requests?: number;
  readonly durationSeconds?: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
}

/** Exported by autocannon (documented in its README) but missing from its type definitions. */
const aggregate = (
  autocannon as unknown as {
    aggregateResult(
      results: readonly autocannon.Result[],
      options: { url: string; connections: number },
    ): autocannon.Result;
  }
).aggregateResult;

/**
 * The load generator, in its own process so it does not share the service's event loop:
 * one autocannon instance per client (autocannon gives every connection the same headers),
 * started together, their latency histograms merged by autocannon itself.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  const length = spec.durationSeconds
    ? { duration: spec.durationSeconds }
    : { amount: Math.floor((spec.requests ?? 0) / spec.clients.length) };
  const instances = spec.clients.map(
    (client) =>
      autocannon({
        url: spec.url,
        connections: 1,
        ...length,
        skipAggregateResult: true,
        requests:
          spec.bodies.length === 0
            ? [{ method: spec.method, path: spec.path, headers: { ...client.headers } }]
            : spec.bodies.map((body) => ({
                method: spec.method,
                path: spec.path,
                headers: { 'content-type': 'application/json', ...client.headers },
                body,
              })),
      }) as unknown as Promise<autocannon.Result>,
  );
  const results = await Promise.all(instances);
  const merged = aggregate(results, {
    url: spec.url,
    connections: spec.clients.length,
  });
  const requests = merged.requests.total;
  const result: LoadResult = {
    requests,
    seconds: merged.duration,
    requestsPerSecond: Math.round(requests / merged.duration),
    latencyMs: { p50: merged.latency.p50, p99: merged.latency.p99, max: merged.latency.max },
    non2xx: merged.non2xx,
    errors: merged.errors,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
