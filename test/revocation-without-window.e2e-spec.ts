import { registerAndLogin, type HttpClient } from './support/http-client';
import type { ReadStoreKind } from './support/test-service';
import { startTwoInstances, waitUntilOk, type TwoInstances } from './support/two-instances';
import { readStoreUnderTest } from './support/read-store-under-test';

const KEY_DELETIONS = 500;
const LOGOUTS = 200;
/** Trials running side by side: more interleavings per second on a busy machine. */
const WORKERS = 4;

/**
 * API.md, "very next use, on every instance": on the embedded profile a request that reaches
 * any api instance after the DELETE's (or the logout's) 204 is refused. Two api processes and
 * the projector share one DATA_DIR; each credential is first used on B (so B caches it), then
 * ended on A, then used on B again, at once. Not one of those last requests may be accepted.
 */
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'revocation without a window across instances (read store: %s)',
  (readStore) => {
    let service: TwoInstances;
    let a: HttpClient;
    let b: HttpClient;
    let person: Awaited<ReturnType<typeof registerAndLogin>>;

    beforeAll(async () => {
      service = await startTwoInstances(readStore);
      ({ a, b } = service);
      // Before the key trials flood the projector: B reads the profile from the read store.
      person = await registerAndLogin(a);
      await waitUntilOk(() => b.get('/me', person.token));
    }, 60_000);

    afterAll(async () => {
      await service?.stop();
    });

    it(`refuses on B every one of ${KEY_DELETIONS} keys right after A deleted it`, async () => {
      const owner = await registerAndLogin(a);
      const orgId = (await a.post('/orgs', { name: 'Acme' }, owner.token)).body.organizationId;
      const whoami = (key: string) =>
        b.get('/integrations/whoami', undefined, { 'x-api-key': key });
      const accepted: string[] = [];
      await inParallel(KEY_DELETIONS, async (trial) => {
        const created = await a.post(
          `/orgs/${orgId}/api-keys`,
          { description: `k${trial}` },
          owner.token,
        );
        expect(created.status).toBe(201);
        const { id, key } = created.body as { id: string; key: string };
        // Twice: the first use verifies in full, the second is answered from memory.
        expect((await whoami(key)).status).toBe(200);
        expect((await whoami(key)).status).toBe(200);
        expect((await a.delete(`/orgs/${orgId}/api-keys/${id}`, owner.token)).status).toBe(204);
        const after = await whoami(key);
        if (after.status !== 401) accepted.push(`key ${trial}: ${after.status}`);
      });
      expect(accepted).toEqual([]);
    }, 600_000);

    it(`refuses on B every one of ${LOGOUTS} sessions right after A ended it`, async () => {
      const accepted: string[] = [];
      await inParallel(LOGOUTS, async (trial) => {
        const login = await a.post('/auth/login', {
          email: person.email,
          password: person.password,
        });
        expect(login.status).toBe(200);
        const token = String(login.body.accessToken);
        expect((await b.get('/me', token)).status).toBe(200);
        expect((await a.post('/auth/logout', undefined, token)).status).toBe(204);
        const after = await b.get('/me', token);
        if (after.status !== 401) accepted.push(`session ${trial}: ${after.status}`);
      });
      expect(accepted).toEqual([]);
    }, 600_000);
  },
);

/** Runs trials 0..count-1, WORKERS at a time. */
async function inParallel(count: number, trial: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await trial(next++);
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
}
