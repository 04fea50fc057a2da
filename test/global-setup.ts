import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';

/**
 * Starts FerretDB (MongoDB wire protocol over SQLite) for the Mongo suites and exports
 * MONGO_URL to the test workers, which inherit this process's environment. With MONGO_URL
 * already set it starts nothing. The Mongo suites are mandatory, so every failure throws.
 */

const BUILD_SCRIPT = join(__dirname, 'ferretdb', 'build.sh');
const READY_TIMEOUT_MS = 60_000;
const START_ATTEMPTS = 3;

export interface FerretDbHandle {
  readonly process: ChildProcess;
  readonly sqliteDir: string;
}

/** Read by global-teardown.ts, which runs in this same process. */
export const FERRETDB_HANDLE = '__ferretdbTestServer';

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGO_URL) return;
  const binary = buildFerretDb();
  const { handle, url } = await startFerretDbOnFreePort(binary);
  (globalThis as Record<string, unknown>)[FERRETDB_HANDLE] = handle;
  process.env.MONGO_URL = url;
}

function buildFerretDb(): string {
  try {
    const output = execFileSync('bash', [BUILD_SCRIPT], { encoding: 'utf8', stdio: 'pipe' });
    return output.trim().split('\n').pop() ?? '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      'Could not build FerretDB for the Mongo test suites (needs Go and the Go module proxy; ' +
        `see test/ferretdb/build.sh).\n${stdout ?? ''}${stderr ?? String(error)}`,
    );
  }
}

/** A port picked before FerretDB binds it may be taken in between, so retry on a new one. */
async function startFerretDbOnFreePort(
  binary: string,
): Promise<{ handle: FerretDbHandle; url: string }> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await findFreeLoopbackPort();
    const handle = spawnFerretDb(binary, port);
    const url = `mongodb://127.0.0.1:${port}/`;
    try {
      await waitUntilReady(handle, url);
      return { handle, url };
    } catch (error) {
      lastError = error;
      await stopFerretDb(handle);
    }
  }
  throw lastError;
}

function spawnFerretDb(binary: string, port: number): FerretDbHandle {
  const sqliteDir = mkdtempSync(join(tmpdir(), 'ferretdb-test-'));
  const log = openSync(join(sqliteDir, 'ferretdb.log'), 'a');
  const args = ['-listen-addr', `127.0.0.1:${port}`, '-sqlite-dir', sqliteDir];
  // stdin stays an open pipe: when jest dies without teardown, its end closes and FerretDB stops.
  const child = spawn(binary, [...args, '-stop-on-stdin-close'], { stdio: ['pipe', log, log] });
  closeSync(log);
  return { process: child, sqliteDir };
}

async function waitUntilReady(handle: FerretDbHandle, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (handle.process.exitCode !== null || handle.process.signalCode !== null) {
      throw startFailure(
        handle,
        `FerretDB exited (${handle.process.exitCode ?? handle.process.signalCode})`,
      );
    }
    if (await pingSucceeds(url)) return;
    await sleep(200);
  }
  throw startFailure(
    handle,
    `FerretDB did not answer ping at ${url} within ${READY_TIMEOUT_MS} ms`,
  );
}

async function pingSucceeds(url: string): Promise<boolean> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

function startFailure(handle: FerretDbHandle, reason: string): Error {
  let log = '';
  try {
    log = readFileSync(join(handle.sqliteDir, 'ferretdb.log'), 'utf8');
  } catch {
    // The log is only a diagnostic.
  }
  return new Error(`${reason}. FerretDB log:\n${log}`);
}

export async function stopFerretDb(handle: FerretDbHandle): Promise<void> {
  const child = handle.process;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const forceKill = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(forceKill);
  }
  rmSync(handle.sqliteDir, { recursive: true, force: true });
}

function findFreeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
