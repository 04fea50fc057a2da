import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const WORKER = join(__dirname, 'autocannon-worker.js');

/** One load run: autocannon's options, in the few words our benchmarks need. */
export interface LoadRun {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Concurrent keep-alive connections (16 by default). */
  readonly connections: number;
  readonly durationSeconds: number;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
}

/**
 * Drives HTTP load with autocannon in its own process (dist/bench/support/autocannon-worker.js),
 * so the load generator never shares an event loop with the server it measures. Shared by
 * every HTTP benchmark.
 */
export async function measureHttp(
  options: Omit<LoadRun, 'connections'> & { connections?: number },
): Promise<LoadResult> {
  const load: LoadRun = { connections: 16, ...options };
  const { stdout } = await run(process.execPath, [WORKER, JSON.stringify(load)], {
    timeout: (load.durationSeconds + 30) * 1000,
    maxBuffer: 1024 * 1024,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as LoadResult;
}
