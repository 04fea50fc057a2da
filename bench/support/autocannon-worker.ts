import autocannon from 'autocannon';
import type { LoadResult, LoadRun } from './autocannon-runner';

/**
 * The load generator's own process: runs autocannon with the options in argv[2] (JSON) and
 * prints the summary as one JSON line, so it never shares an event loop with what it measures.
 */
async function main(): Promise<void> {
  const run = JSON.parse(process.argv[2] ?? '{}') as LoadRun;
  const result = await autocannon({
    url: run.url,
    method: (run.method ?? 'GET') as autocannon.Request['method'],
    headers: run.headers ?? {},
    body: run.body,
    connections: run.connections,
    pipelining: 1,
    duration: run.durationSeconds,
  });
  const summary: LoadResult = {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
