import { issueBackdatedKey } from './support/backdated-key';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { joinByInvitation } from './support/membership';
import { startTestService, type TestService } from './support/test-service';

type Person = Awaited<ReturnType<typeof registerAndLogin>>;

/** The issue's walkthrough, as an integration meets it. */
describe('API keys and integration authentication over HTTP', () => {
  let service: TestService;
  let http: HttpClient;
  let owner: Person;
  let dev: Person;
  let orgId: string;
  let otherOrgId: string;

  const withKey = (key: string) => ({ 'x-api-key': key });
  const createKey = async (person: Person, organizationId = orgId, description = 'CI') => {
    const answer = await http.post(
      `/orgs/${organizationId}/api-keys`,
      { description },
      person.token,
    );
    expect(answer.status).toBe(201);
    return answer.body as {
      id: string;
      key: string;
      maskedKey: string;
      createdAt: string;
      expiresAt: string;
    };
  };

  beforeAll(async () => {
    service = await startTestService();
    http = httpClient(service.baseUrl);
    owner = await registerAndLogin(http);
    dev = await registerAndLogin(http);
    orgId = (await http.post('/orgs', { name: 'Acme' }, owner.token)).body.organizationId;
    otherOrgId = (await http.post('/orgs', { name: 'Other' }, owner.token)).body.organizationId;
    await joinByInvitation(http, orgId, dev, 'developer', owner.token);
  });
  afterAll(() => service.close());

  it('creates a key shown once, valid one year, listed masked and newest first', async () => {
    const older = await createKey(dev, orgId, 'Older');
    const created = await createKey(dev, orgId, 'Production API Key');
    expect(created).toMatchObject({ description: 'Production API Key', status: 'active' });
    expect(created.key).toMatch(/^ak_[0-9A-Za-z]{65}$/);
    expect(created.maskedKey).toBe(`ak_…${created.key.slice(-4)}`);
    const year = new Date(created.createdAt);
    year.setUTCFullYear(year.getUTCFullYear() + 1);
    expect(created.expiresAt).toBe(year.toISOString());

    const list = await http.get(`/orgs/${orgId}/api-keys`, dev.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([created.id, older.id]);
    expect(list.body.items[0]).toEqual({
      id: created.id,
      description: 'Production API Key',
      maskedKey: created.maskedKey,
      status: 'active',
      createdAt: created.createdAt,
      expiresAt: created.expiresAt,
      lastUsedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.key);
    // another member sees only their own keys
    expect((await http.get(`/orgs/${orgId}/api-keys`, owner.token)).body.items).toEqual([]);
  });

  it('authenticates an integration at once and records when the key was last used', async () => {
    const created = await createKey(dev);
    const whoami = await http.get('/integrations/whoami', undefined, withKey(created.key));
    expect(whoami.status).toBe(200);
    expect(whoami.body).toEqual({
      keyId: created.id,
      organizationId: orgId,
      userId: dev.userId,
      permissions: ['org:read', 'members:read', 'api_keys:read', 'api_keys:write'],
    });
    const details = await http.get(`/orgs/${orgId}/api-keys/${created.id}`, dev.token);
    expect(details.body).toMatchObject({
      id: created.id,
      ownerId: dev.userId,
      permissions: whoami.body.permissions,
    });
    expect(Date.parse(details.body.lastUsedAt)).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    ['missing', undefined],
    ['malformed', 'not-a-key'],
    ['mistyped', 'typo'],
    ['unknown', 'unknown'],
  ])('refuses a %s key with 401', async (_case, kind) => {
    const { key } = await createKey(dev);
    const candidates: Record<string, string> = {
      'not-a-key': 'not-a-key',
      typo: key.slice(0, 10) + (key[10] === 'x' ? 'y' : 'x') + key.slice(11),
      unknown: key.replace(/^ak_./, 'ak_Z'),
    };
    const headers = kind === undefined ? {} : withKey(candidates[kind] ?? kind);
    const answer = await http.get('/integrations/whoami', undefined, headers);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });

  it('acts with its owner’s permissions in its own organization and nowhere else', async () => {
    const { key } = await createKey(dev);
    expect((await http.get(`/orgs/${orgId}`, undefined, withKey(key))).status).toBe(200);
    expect((await http.get(`/orgs/${orgId}/members`, undefined, withKey(key))).status).toBe(200);
    expect((await http.get(`/orgs/${orgId}/api-keys`, undefined, withKey(key))).status).toBe(200);
    const outsider = await registerAndLogin(http);
    expect(
      (
        await http.call('POST', `/orgs/${orgId}/invitations`, {
          body: { email: outsider.email, role: 'viewer' },
          headers: withKey(key),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.call('PUT', `/orgs/${orgId}/features`, {
          body: { disabled: [] },
          headers: withKey(key),
        })
      ).status,
    ).toBe(403);
    expect((await http.get(`/orgs/${otherOrgId}`, undefined, withKey(key))).status).toBe(404);
    expect((await http.get(`/orgs/${otherOrgId}/members`, undefined, withKey(key))).status).toBe(
      404,
    );
  });

  it('cannot mint or delete keys, nor call /me or /auth', async () => {
    // a key is not a credential these routes accept: 401 naming the one they do
    const { key, id } = await createKey(dev);
    expect(
      (
        await http.call('POST', `/orgs/${orgId}/api-keys`, {
          body: { description: 'x' },
          headers: withKey(key),
        })
      ).status,
    ).toBe(401);
    expect(
      (await http.call('DELETE', `/orgs/${orgId}/api-keys/${id}`, { headers: withKey(key) }))
        .status,
    ).toBe(401);
    const me = await http.get('/me', undefined, withKey(key));
    expect(me.status).toBe(401);
    expect(me.headers.get('www-authenticate')).toContain('Bearer');
    expect((await http.call('POST', '/auth/logout', { headers: withKey(key) })).status).toBe(401);
    expect(
      (
        await http.call('POST', '/auth/login', {
          body: { email: dev.email, password: dev.password },
          headers: withKey(key),
        })
      ).status,
    ).toBe(403);
    expect((await http.get('/integrations/whoami', undefined, withKey(key))).status).toBe(200);
  });

  it('is refused from the very next request after its deletion, and leaves the table', async () => {
    const { key, id } = await createKey(dev);
    expect((await http.get('/integrations/whoami', undefined, withKey(key))).status).toBe(200);
    expect((await http.delete(`/orgs/${orgId}/api-keys/${id}`, dev.token)).status).toBe(204);
    expect((await http.get('/integrations/whoami', undefined, withKey(key))).status).toBe(401);
    expect((await http.get(`/orgs/${orgId}`, undefined, withKey(key))).status).toBe(401);
    const list = await http.get(`/orgs/${orgId}/api-keys`, dev.token);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    expect((await http.delete(`/orgs/${orgId}/api-keys/${id}`, dev.token)).status).toBe(404);
  });

  it('cannot be deleted by a member without members:write, nor from another organization', async () => {
    const { key, id } = await createKey(dev);
    const viewer = await registerAndLogin(http);
    await joinByInvitation(http, orgId, viewer, 'viewer', owner.token);
    expect((await http.delete(`/orgs/${orgId}/api-keys/${id}`, viewer.token)).status).toBe(404);
    expect((await http.delete(`/orgs/${otherOrgId}/api-keys/${id}`, owner.token)).status).toBe(404);
    expect((await http.get('/integrations/whoami', undefined, withKey(key))).status).toBe(200);
  });

  it('can do less on the next request after its owner is demoted, and nothing once they are removed', async () => {
    const person = await registerAndLogin(http);
    await joinByInvitation(http, orgId, person, 'admin', owner.token);
    const { key, id } = await createKey(person);
    const outsider = await registerAndLogin(http);
    expect(
      (
        await http.call('POST', `/orgs/${orgId}/invitations`, {
          body: { email: outsider.email, role: 'viewer' },
          headers: withKey(key),
        })
      ).status,
    ).toBe(201);

    await http.patch(`/orgs/${orgId}/members/${person.userId}`, { role: 'viewer' }, owner.token);
    expect(
      (await http.get('/integrations/whoami', undefined, withKey(key))).body.permissions,
    ).toEqual(['org:read', 'members:read']);
    expect((await http.get(`/orgs/${orgId}/api-keys`, undefined, withKey(key))).status).toBe(403);

    await http.delete(`/orgs/${orgId}/members/${person.userId}`, owner.token);
    expect((await http.get('/integrations/whoami', undefined, withKey(key))).status).toBe(401);
    expect((await http.get(`/orgs/${orgId}`, undefined, withKey(key))).status).toBe(401);

    // and the key is revoked for good, with the reason, even if they come back
    await joinByInvitation(http, orgId, person, 'admin', owner.token);
    await waitForRevocation(id);
    expect((await http.get('/integrations/whoami', undefined, withKey(key))).status).toBe(401);
  });

  it('loses its api_keys permissions when the organization disables the feature', async () => {
    const { key } = await createKey(dev);
    await http.put(`/orgs/${orgId}/features`, { disabled: ['api_keys'] }, owner.token);
    expect((await http.get(`/orgs/${orgId}/api-keys`, undefined, withKey(key))).status).toBe(403);
    expect(
      (await http.post(`/orgs/${orgId}/api-keys`, { description: 'x' }, dev.token)).status,
    ).toBe(403);
    await http.put(`/orgs/${orgId}/features`, { disabled: [] }, owner.token);
    expect((await http.get(`/orgs/${orgId}/api-keys`, undefined, withKey(key))).status).toBe(200);
  });

  it('refuses a key past its year with 401 and lists it as expired', async () => {
    const aYearAndADayAgo = new Date(Date.now() - 366 * 24 * 3600 * 1000);
    const old = await issueBackdatedKey(service.config, orgId, dev.userId, aYearAndADayAgo);
    const young = await issueBackdatedKey(
      service.config,
      orgId,
      dev.userId,
      new Date(Date.now() - 364 * 24 * 3600 * 1000),
    );
    expect((await http.get('/integrations/whoami', undefined, withKey(old.key))).status).toBe(401);
    expect((await http.get('/integrations/whoami', undefined, withKey(young.key))).status).toBe(
      200,
    );
    let rows: { id: string; status: string }[] = [];
    for (let attempt = 0; attempt < 200 && rows.length < 2; attempt++) {
      const items = (await http.get(`/orgs/${orgId}/api-keys`, dev.token)).body
        .items as typeof rows;
      rows = items.filter((item) => item.id === old.id || item.id === young.id);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [old.id]: 'expired',
      [young.id]: 'active',
    });
  });

  it('refuses a description that is empty or too long', async () => {
    expect(
      (await http.post(`/orgs/${orgId}/api-keys`, { description: ' ' }, dev.token)).status,
    ).toBe(400);
    expect(
      (await http.post(`/orgs/${orgId}/api-keys`, { description: 'x'.repeat(101) }, dev.token))
        .status,
    ).toBe(400);
    expect((await http.post(`/orgs/${orgId}/api-keys`, {}, dev.token)).status).toBe(400);
  });

  /** The cascade runs in the projector; its event lands shortly after the removal. */
  async function waitForRevocation(keyId: string) {
    const { SqliteEventStore } = await import('@app/event-store/sqlite-event-store');
    const store = new SqliteEventStore(`${service.dataDir}/events.sqlite`);
    try {
      for (let attempt = 0; attempt < 500; attempt++) {
        const events = await store.readStream(`apikey-${keyId}`);
        const revoked = events.find((event) => event.type === 'ApiKeyRevoked');
        if (revoked) {
          expect(revoked.data).toMatchObject({ reason: 'member_removed' });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`apikey-${keyId} was never revoked`);
    } finally {
      await store.close();
    }
  }
});
