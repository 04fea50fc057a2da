import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { EMAIL_PURPOSE } from '@app/platform/credentials/session-token';
import { openStorage, type Storage } from '@app/platform/storage/storage';
import { PROJECTOR_CHECKPOINT } from '@app/read-store/read-models/checkpoints';
import { httpClient, registerAndLogin } from './support/http-client';
import { readStoreEnv } from './support/read-store-under-test';
import {
  API_MAIN,
  freePort,
  PROJECTOR_MAIN,
  startProcess,
  waitForHealth,
  type ServiceProcess,
} from './support/service-processes';

const KEYS = 150;
/** How long the frozen projector runs between two looks at the cascade. */
const SLICE_MS = 2;

/** Stops a process and returns once it is stopped (Linux: its state reads T). */
async function freeze(pid: number): Promise<void> {
  process.kill(pid, 'SIGSTOP');
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return;
  let state = '';
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    // the state follows the parenthesised command name
    state = readFileSync(stat, 'utf8').replace(/^.*\) /s, '')[0] ?? '';
    if (state === 'T' || state === 't') return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`process ${pid} did not stop (state ${state})`);
}

/** SIGKILL the projector while it runs an account's erasure cascade; a restart finishes it. */
describe('erasure cascade crash recovery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'erasure-crash-'));
  const env = {
    DATA_DIR: dataDir,
    BCRYPT_COST: '4',
    LOG_LEVEL: 'error',
    READ_YOUR_WRITES_TIMEOUT_MS: '30000',
    ...readStoreEnv('erasure_crash'),
  };
  const processes: ServiceProcess[] = [];
  // The test's own view of the log and of the data keys (beside the read store).
  let storage: Storage;
  const events = () => storage.eventStore;
  const dataKeys = () => storage.dataKeys;

  beforeAll(async () => {
    storage = await openStorage(loadConfig(env));
  });

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const revokedCount = async (keyIds: readonly string[]) => {
    let revoked = 0;
    for (const keyId of keyIds) {
      if (
        (await events().readStream(`apikey-${keyId}`)).some(
          (event) => event.type === 'ApiKeyRevoked',
        )
      )
        revoked += 1;
    }
    return revoked;
  };

  it('given the projector killed mid-cascade, a restart revokes every key, releases the email and destroys the key', async () => {
    const port = await freePort();
    processes.push(startProcess(API_MAIN, { ...env, PORT: String(port) }));
    await waitForHealth(`http://127.0.0.1:${port}`);
    const http = httpClient(`http://127.0.0.1:${port}`);
    const user = await registerAndLogin(http);
    const orgId = (await http.post('/orgs', { name: 'Keys' }, user.token)).body.organizationId;
    const keyIds: string[] = [];
    for (let i = 0; i < KEYS; i++)
      keyIds.push(
        (await http.post(`/orgs/${orgId}/api-keys`, { description: `k${i}` }, user.token)).body.id,
      );

    // The projector catches up, then is frozen (SIGSTOP) so the cascade cannot start, let
    // alone finish, before the test sees it: a kill timed from outside used to land after the
    // whole cascade on a busy machine.
    const first = startProcess(PROJECTOR_MAIN, env);
    processes.push(first);
    const pid = first.child.pid as number;
    expect((await http.get('/me', user.token)).status).toBe(200); // waits for the projector
    for (let attempt = 0; ; attempt++) {
      await freeze(pid);
      // The deletion waits for the projector to reach the head: it must be there already.
      const checkpoint = (await storage.readStore.getCheckpoint(PROJECTOR_CHECKPOINT)) ?? 0n;
      if (checkpoint >= (await events().headPosition())) break;
      if (attempt === 1000) throw new Error('the projector never caught up');
      process.kill(pid, 'SIGCONT');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(
      (
        await http.delete('/me', user.token, {
          confirmation: 'delete my account',
          password: user.password,
        })
      ).status,
    ).toBe(204);

    // Let the projector run in slices of a millisecond or two, looking between them while it
    // is frozen, until the cascade has revoked a key (in the deletion's order, which follows
    // the read store's sort, not the order of creation); then kill it in exactly that state.
    const deleted = (await events().readStream(`account-${user.userId}`)).find(
      (event) => event.type === 'AccountDeleted',
    );
    const firstRevoked = (deleted?.data.apiKeyIds as string[]).slice(0, 1);
    for (const deadline = Date.now() + 30_000; (await revokedCount(firstRevoked)) === 0;) {
      if (Date.now() > deadline) throw new Error('the cascade never started');
      process.kill(pid, 'SIGCONT');
      for (const until = Date.now() + SLICE_MS; Date.now() < until;) {
        // spin: a timer could oversleep by far more than a slice on a busy machine
      }
      await freeze(pid);
    }
    const revokedAtKill = await revokedCount(keyIds);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(await revokedCount(keyIds)).toBe(revokedAtKill); // nothing moved while frozen
    expect(revokedAtKill).toBeGreaterThan(0);
    expect(revokedAtKill).toBeLessThan(KEYS);
    expect(await dataKeys().get(user.userId)).not.toBeNull();

    // then a restarted projector finishes the cascade
    processes.push(startProcess(PROJECTOR_MAIN, env));
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      if ((await dataKeys().get(user.userId)) === null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await dataKeys().get(user.userId)).toBeNull();
    expect(await revokedCount(keyIds)).toBe(KEYS);
    // The address's salted reservation stream was released and its salt retired: the address
    // leads to no stream any more (AccountDeleted's emailHash itself is shredded).
    const { pepper } = loadSecrets(loadConfig(env));
    const emailHash = new SecretHasher(pepper).hash(EMAIL_PURPOSE, user.email.toLowerCase());
    expect(await dataKeys().get(`email-salt:${emailHash}`)).toBeNull();
    const released = (await events().readAll({ limit: 100_000 })).filter(
      (event) => event.type === 'EmailReleased',
    );
    expect(released).toHaveLength(1);
    const again = await http.post('/auth/register', {
      email: user.email,
      password: user.password,
      firstName: 'A',
      lastName: 'B',
    });
    expect(again.status).toBe(201);
  }, 120_000);
});
