import { randomUUID } from 'node:crypto';
import { PROFILES } from '@app/read-store/read-models/profile.read-model';
import { filesContaining } from './support/data-dir-scan';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { joinByInvitation } from './support/membership';
import { startTestService, type TestService } from './support/test-service';

const PHRASE = 'delete my account';

describe('account deletion over HTTP', () => {
  let service: TestService;
  let http: HttpClient;
  beforeAll(async () => {
    service = await startTestService();
    http = httpClient(service.baseUrl);
  });
  afterAll(() => service.close());

  const until = async (what: string, check: () => Promise<boolean>) => {
    for (let attempt = 0; attempt < 500; attempt++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('previews the consequences and refuses while the user solely owns a team', async () => {
    const owner = await registerAndLogin(http);
    const colleague = await registerAndLogin(http);
    const team = (await http.post('/orgs', { name: 'Team' }, owner.token)).body.organizationId;
    const solo = (await http.post('/orgs', { name: 'Solo' }, owner.token)).body.organizationId;
    await joinByInvitation(http, team, colleague, 'admin', owner.token);
    await http.post(`/orgs/${solo}/api-keys`, { description: 'k1' }, owner.token);
    await http.post(`/orgs/${team}/api-keys`, { description: 'k2' }, owner.token);

    const preview = await http.get('/me/deletion-preview', owner.token);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      confirmationPhrase: PHRASE,
      consequences: {
        apiKeys: 2,
        organizations: [
          { organizationId: solo, name: 'Solo', role: 'owner' },
          { organizationId: team, name: 'Team', role: 'owner' },
        ],
        blockingOrganizations: [{ organizationId: team, name: 'Team', role: 'owner' }],
      },
    });
    const refused = await http.delete('/me', owner.token, {
      confirmation: PHRASE,
      password: owner.password,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SOLE_OWNER_OF_TEAM');
    expect((await http.get('/me', owner.token)).status).toBe(200);

    await http.patch(`/orgs/${team}/members/${colleague.userId}`, { role: 'owner' }, owner.token);
    expect(
      (await http.get('/me/deletion-preview', owner.token)).body.consequences.blockingOrganizations,
    ).toEqual([]);
  });

  it('refuses a wrong phrase with 400 and a wrong password with 403, changing nothing', async () => {
    const user = await registerAndLogin(http);
    const phrase = await http.delete('/me', user.token, {
      confirmation: 'delete my acount',
      password: user.password,
    });
    expect(phrase.status).toBe(400);
    expect(phrase.body.errors[0]).toMatchObject({ field: 'confirmation' });
    const password = await http.delete('/me', user.token, {
      confirmation: PHRASE,
      password: 'Wr0ng!Password',
    });
    expect(password.status).toBe(403);
    expect((await http.get('/me', user.token)).status).toBe(200);
  });

  it('removes the account for good: credentials, memberships, personal data, and frees the email', async () => {
    const marker = randomUUID().slice(0, 8);
    const firstName = `Zebulon${marker}`;
    const lastName = `Quixote${marker}`;
    const user = await registerAndLogin(http, {
      email: `erase.${marker}@example.com`,
      firstName,
      lastName,
    });
    await http.patch('/me', { firstName: `${firstName}x` }, user.token);
    await http.patch('/me', { firstName }, user.token);
    const secondSession = (
      await http.post('/auth/login', { email: user.email, password: user.password })
    ).body.accessToken;
    const owner = await registerAndLogin(http);
    const orgId = (await http.post('/orgs', { name: 'Shared' }, owner.token)).body.organizationId;
    await joinByInvitation(http, orgId, user, 'developer', owner.token);
    const { key } = (
      await http.post(`/orgs/${orgId}/api-keys`, { description: 'Integration' }, user.token)
    ).body;
    expect((await http.get('/integrations/whoami', undefined, { 'x-api-key': key })).status).toBe(
      200,
    );

    const deleted = await http.delete('/me', user.token, {
      confirmation: '  Delete My Account ',
      password: user.password,
    });
    expect(deleted.status).toBe(204);

    expect((await http.get('/me', user.token)).status).toBe(401);
    expect((await http.get('/me', secondSession)).status).toBe(401);
    expect((await http.get('/integrations/whoami', undefined, { 'x-api-key': key })).status).toBe(
      401,
    );
    expect(
      (await http.post('/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(401);
    await until('the member list to drop them', async () => {
      const list = await http.get(`/orgs/${orgId}/members`, owner.token);
      return !list.body.items.some((item: { userId: string }) => item.userId === user.userId);
    });

    // the cascade destroys the data key last; then no byte of their email or names remains
    await until(
      'the data key to be destroyed',
      async () => (await service.projector.storage.dataKeys.get(user.userId)) === null,
    );
    await until(
      'the read store to be erased',
      async () => filesContaining(service.dataDir, [firstName]).length === 0,
    );
    expect(
      filesContaining(service.dataDir, [user.email, firstName, lastName, `${firstName}x`]),
    ).toEqual([]);

    // a full rebuild resurrects nothing
    await service.projector.projector.rebuild();
    expect(await service.projector.storage.readStore.get(PROFILES.name, user.userId)).toBeNull();
    const list = await http.get(`/orgs/${orgId}/members`, owner.token);
    expect(list.body.items.map((item: { userId: string }) => item.userId)).toEqual([owner.userId]);

    // and the email can register again, as a new account
    const again = await http.post('/auth/register', {
      email: user.email,
      password: 'An0ther!Pass',
      firstName: 'New',
      lastName: 'Person',
    });
    expect(again.status).toBe(201);
    expect(again.body.userId).not.toBe(user.userId);
  });

  it('lets the email register again at once, before the cascade has released it', async () => {
    const user = await registerAndLogin(http);
    expect(
      (await http.delete('/me', user.token, { confirmation: PHRASE, password: user.password }))
        .status,
    ).toBe(204);
    const again = await http.post('/auth/register', {
      email: user.email,
      password: user.password,
      firstName: 'A',
      lastName: 'B',
    });
    expect(again.status).toBe(201);
  });
});
