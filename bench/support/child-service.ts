import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BENCH_BCRYPT_COST } from './bench-config';
import { KeepAliveClient } from './http-client';

const DIST = join(__dirname, '..', '..');
export const API_MAIN = join(DIST, 'apps', 'api', 'src', 'main.js');
export const PROJECTOR_MAIN = join(DIST, 'apps', 'projector', 'src', 'main.js');
/** `npm start`: one api instance and the projector in one process. */
export const START_ALL_MAIN = join(DIST, 'apps', 'api', 'src', 'start-all.js');
export const BARE_FASTIFY_MAIN = join(DIST, 'bench', 'support', 'bare-fastify.js');

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const STDERR_TAIL_BYTES = 4_096;

export interface ChildService {
  readonly name: string;
  /** The port it listens on, or null for a process without HTTP (the projector). */
  readonly port: number | null;
  /** SIGTERM, then SIGKILL if it has not exited after a grace period. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * One production entry point (`node dist/…/main.js`) as a child process on the embedded
 * profile in `dataDir`. As in bench-config, the environment is spelled out, not inherited.
 * An api child is ready once GET /health answers 200.
 */
export async function startChild(
  name: string,
  main: string,
  dataDir: string,
  port: number | null = null,
): Promise<ChildService> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: dataDir,
    EVENT_STORE: 'sqlite',
    READ_STORE: 'sqlite',
    BCRYPT_COST: String(BENCH_BCRYPT_COST),
    LOG_LEVEL: 'error',
    // The projector's health and metrics port: any free one, so runs never collide.
    PROJECTOR_PORT: '0',
  };
  if (port !== null) env.PORT = String(port);
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const keep = (text: string) => (stderr = (stderr + text).slice(-STDERR_TAIL_BYTES));
  child.stderr?.on('data', (chunk: Buffer) => keep(chunk.toString('utf8')));
  child.on('error', (error) => keep(`\n${error.message}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A crashed bench must not leave servers behind on the machine.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const service: ChildService = {
    name,
    port,
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopChild(child, exited);
    },
  };
  try {
    if (port !== null) await waitForHealth(port, child, () => stderr);
    return service;
  } catch (error) {
    await service.stop();
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * `count` distinct ports the OS just handed out and took back: free unless another process
 * grabs one in the meantime. All are held open together, so no two of them are the same.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer().listen(0, '127.0.0.1'));
  await Promise.all(servers.map((server) => once(server, 'listening')));
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Waits for every start; if any fails, stops those that did start and throws the first error. */
export async function startTogether(
  starts: readonly Promise<ChildService>[],
): Promise<ChildService[]> {
  const settled = await Promise.allSettled(starts);
  const started = settled.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    await stopAll(started);
    throw failed.reason;
  }
  return started;
}

/** Stops every child, in parallel, whatever happened before. */
export async function stopAll(children: readonly ChildService[]): Promise<void> {
  await Promise.allSettled(children.map((child) => child.stop()));
}

async function waitForHealth(
  port: number,
  child: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const client = new KeepAliveClient(port, 1);
  const deadline = performance.now() + READY_TIMEOUT_MS;
  try {
    while (performance.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `exited (${child.exitCode ?? child.signalCode}) before it was healthy: ${stderr()}`,
        );
      const answer = await client.send('GET', '/health').catch(() => null);
      if (answer?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`GET /health did not answer 200 within ${READY_TIMEOUT_MS} ms: ${stderr()}`);
  } finally {
    client.close();
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const neverStarted = child.pid === undefined;
  if (neverStarted || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const grace = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), STOP_GRACE_MS).unref(),
  );
  if ((await Promise.race([exited, grace])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
