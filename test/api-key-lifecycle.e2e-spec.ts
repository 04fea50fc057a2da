import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { readStoreUnderTest } from './support/read-store-under-test';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// One read store per jest project (jest.config.js runs every e2e file on both).
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'API key roll and leak reports (%s)',
  (readStore) => {
    let service: TestService;
    let http: HttpClient;
    beforeAll(async () => {
      service = await startTestService({ readStore });
      http = httpClient(service.baseUrl);
    });
    afterAll(() => service.close());

    const whoami = async (key: string) =>
      (await http.get('/integrations/whoami', undefined, { 'x-api-key': key })).status;
    /** Polls until the key answers `status`, for effects that follow the answer (leak reports). */
    const until = async (key: string, status: number) => {
      for (let attempt = 0; attempt < 300 && (await whoami(key)) !== status; attempt++)
        await sleep(10);
      return whoami(key);
    };

    async function ownerWithKey(description = 'Deploy bot') {
      const owner = await registerAndLogin(http);
      const orgId = (await http.post('/orgs', { name: 'Acme' }, owner.token)).body.organizationId;
      const created = await http.post(`/orgs/${orgId}/api-keys`, { description }, owner.token);
      expect(created.status).toBe(201);
      return { owner, orgId, created: created.body };
    }

    describe('POST /orgs/:orgId/api-keys/:keyId/roll', () => {
      it('with a grace period: a new key, the old one working until the grace ends, then not', async () => {
        const { owner, orgId, created } = await ownerWithKey();
        // 0.0025 h = 9 s: long enough to see the old key work, short enough to see it stop
        const rolled = await http.post(
          `/orgs/${orgId}/api-keys/${created.id}/roll`,
          { gracePeriodHours: 0.0025 },
          owner.token,
        );
        expect(rolled.status).toBe(201);
        expect(rolled.body).toEqual({
          id: expect.any(String),
          description: 'Deploy bot',
          key: expect.stringMatching(/^ak_/),
          maskedKey: expect.stringMatching(/^ak_…/),
          status: 'active',
          createdAt: expect.any(String),
          expiresAt: expect.any(String),
          rolledFrom: created.id,
        });
        expect(rolled.body.id).not.toBe(created.id);
        expect(rolled.headers.get('cache-control')).toBe('no-store');
        expect(await whoami(rolled.body.key)).toBe(200);
        expect(await whoami(created.key)).toBe(200);

        const table = (await http.get(`/orgs/${orgId}/api-keys`, owner.token)).body.items;
        expect(table.map((row: { id: string }) => row.id).sort()).toEqual(
          [created.id, rolled.body.id].sort(),
        );
        const old = table.find((row: { id: string }) => row.id === created.id);
        expect(Date.parse(old.expiresAt)).toBeLessThanOrEqual(Date.now() + 9_000);

        const again = await http.post(
          `/orgs/${orgId}/api-keys/${created.id}/roll`,
          { gracePeriodHours: 1 },
          owner.token,
        );
        expect(again.status).toBe(409);
        expect(again.body.code).toBe('API_KEY_NOT_ROLLABLE');

        await sleep(Math.max(0, Date.parse(old.expiresAt) - Date.now()) + 100);
        expect(await whoami(created.key)).toBe(401);
        expect(await whoami(rolled.body.key)).toBe(200);
        const after = (await http.get(`/orgs/${orgId}/api-keys`, owner.token)).body.items;
        expect(after.find((row: { id: string }) => row.id === created.id)?.status).toBe('expired');

        // The revocation is nobody's own write, so the owner's read may not wait for it: poll.
        const leakedEntry = async () => {
          for (let attempt = 0; attempt < 50; attempt++) {
            const items = (await http.get('/me/security-log', owner.token)).body.items;
            if (JSON.stringify(items).includes('"leaked"')) return items;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return (await http.get('/me/security-log', owner.token)).body.items;
        };
        const log = await leakedEntry();
        expect(log).toContainEqual(
          expect.objectContaining({
            type: 'ApiKeyRolled',
            details: expect.objectContaining({ keyId: created.id, rolledTo: rolled.body.id }),
          }),
        );
        const audit = (await http.get(`/orgs/${orgId}/audit/events`, owner.token)).body.items;
        expect(audit.map((item: { type: string }) => item.type)).toContain('ApiKeyRolled');
      }, 30_000);

      it('with 0: the old key is revoked at once and leaves the table', async () => {
        const { owner, orgId, created } = await ownerWithKey();
        const rolled = await http.post(
          `/orgs/${orgId}/api-keys/${created.id}/roll`,
          { gracePeriodHours: 0 },
          owner.token,
        );
        expect(rolled.status).toBe(201);
        expect(await whoami(created.key)).toBe(401);
        expect(await whoami(rolled.body.key)).toBe(200);
        const table = (await http.get(`/orgs/${orgId}/api-keys`, owner.token)).body.items;
        expect(table.map((row: { id: string }) => row.id)).toEqual([rolled.body.id]);
      });

      it('refuses bad grace periods, someone else’s key and API keys, issuing nothing', async () => {
        const { owner, orgId, created } = await ownerWithKey();
        for (const gracePeriodHours of [-1, 169, '24', null, 1e-9]) {
          const bad = await http.post(
            `/orgs/${orgId}/api-keys/${created.id}/roll`,
            { gracePeriodHours },
            owner.token,
          );
          expect(bad.status).toBe(400);
          expect(bad.body.errors[0].field).toBe('gracePeriodHours');
        }
        // another owner, from their own organization, cannot reach this key
        const stranger = await ownerWithKey('Theirs');
        const foreign = await http.post(
          `/orgs/${stranger.orgId}/api-keys/${created.id}/roll`,
          { gracePeriodHours: 1 },
          stranger.owner.token,
        );
        expect(foreign.status).toBe(404);
        const byKey = await http.call('POST', `/orgs/${orgId}/api-keys/${created.id}/roll`, {
          body: { gracePeriodHours: 1 },
          headers: { 'x-api-key': created.key },
        });
        // an API key is not a credential people-only routes accept: 401 with the challenge
        expect(byKey.status).toBe(401);
        expect(byKey.headers.get('www-authenticate')).toContain('Bearer');
        const unknown = await http.post(
          `/orgs/${orgId}/api-keys/ZZZZZZZZZZZZZZZZ/roll`,
          { gracePeriodHours: 1 },
          owner.token,
        );
        expect(unknown.status).toBe(404);
        const table = (await http.get(`/orgs/${orgId}/api-keys`, owner.token)).body.items;
        expect(table.map((row: { id: string }) => row.id)).toEqual([created.id]);
      });
    });

    describe('POST /api-keys/report-leak', () => {
      it('answers a valid and a made-up key the same; only the valid one is revoked', async () => {
        const { owner, created } = await ownerWithKey();
        const bystander = await ownerWithKey('Untouched');
        const madeUp = `ak_${'A'.repeat(65)}`;
        const typoOfReal = created.key.slice(0, -8) + 'AAAAAAAA';
        const answers = [];
        for (const key of [created.key, madeUp, typoOfReal, 'not a key at all']) {
          const answer = await http.post('/api-keys/report-leak', { key });
          answers.push({ status: answer.status, body: answer.body });
        }
        expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
        expect(answers[0]?.status).toBe(202);

        expect(await until(created.key, 401)).toBe(401);
        expect(await whoami(bystander.created.key)).toBe(200);
        // The revocation is nobody's own write, so the owner's read may not wait for it: poll.
        const leakedEntry = async () => {
          for (let attempt = 0; attempt < 50; attempt++) {
            const items = (await http.get('/me/security-log', owner.token)).body.items;
            if (JSON.stringify(items).includes('"leaked"')) return items;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return (await http.get('/me/security-log', owner.token)).body.items;
        };
        const log = await leakedEntry();
        expect(log).toContainEqual(
          expect.objectContaining({
            type: 'ApiKeyRevoked',
            details: expect.objectContaining({ keyId: created.id, reason: 'leaked' }),
          }),
        );
      });

      it('needs no credential and refuses a missing key with 400', async () => {
        expect((await http.post('/api-keys/report-leak', {})).status).toBe(400);
        expect((await http.post('/api-keys/report-leak', { key: 5 })).status).toBe(400);
      });
    });
  },
);
