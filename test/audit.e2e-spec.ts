import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { joinByInvitation } from './support/membership';
import { startTestService, type TestService } from './support/test-service';

type Person = Awaited<ReturnType<typeof registerAndLogin>>;

describe('audit trail and security log over HTTP', () => {
  let service: TestService;
  let http: HttpClient;
  let owner: Person;
  let admin: Person;
  let auditor: Person;
  let orgId: string;

  beforeAll(async () => {
    service = await startTestService();
    http = httpClient(service.baseUrl);
    owner = await registerAndLogin(http, { firstName: 'Olive' });
    admin = await registerAndLogin(http, { firstName: 'Adam' });
    auditor = await registerAndLogin(http, { firstName: 'Audrey' });
    orgId = (await http.post('/orgs', { name: 'Acme' }, owner.token)).body.organizationId;
    await joinByInvitation(http, orgId, admin, 'admin', owner.token);
    await joinByInvitation(http, orgId, auditor, 'auditor', owner.token);
    const dev = await registerAndLogin(http, { firstName: 'Dev' });
    await joinByInvitation(http, orgId, dev, 'developer', admin.token);
    const key = (await http.post(`/orgs/${orgId}/api-keys`, { description: 'CI' }, admin.token))
      .body;
    await http.delete(`/orgs/${orgId}/api-keys/${key.id}`, admin.token);
    await http.patch(`/orgs/${orgId}/members/${dev.userId}`, { role: 'viewer' }, admin.token);
    await http.put(`/orgs/${orgId}/features`, { disabled: ['api_keys'] }, owner.token);
    await http.delete(`/orgs/${orgId}/members/${dev.userId}`, owner.token);
    // Read-your-writes is per caller: the owner's own read waits until the projector has
    // passed their last write, so the other members' reads below see the whole history.
    await http.get(`/orgs/${orgId}/audit/events`, owner.token);
  }, 60_000);
  afterAll(() => service.close());

  it('returns the organization’s history in order, with each actor, and never a secret', async () => {
    const answer = await http.get(`/orgs/${orgId}/audit/events`, auditor.token);
    expect(answer.status).toBe(200);
    const items = answer.body.items as {
      position: string;
      type: string;
      actor: { id: string };
      data: Record<string, unknown>;
    }[];
    expect(items.map((item) => item.type)).toEqual([
      'OrganizationCreated',
      'MemberInvited',
      'InvitationAccepted',
      'MemberInvited',
      'InvitationAccepted',
      'MemberInvited',
      'InvitationAccepted',
      'ApiKeyIssued',
      'ApiKeyRevoked',
      'MemberRoleChanged',
      'OrganizationFeaturesChanged',
      'MemberRemoved',
    ]);
    const positions = items.map((item) => BigInt(item.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    const actors = items.map((item) => item.actor.id);
    expect(actors.slice(0, 6)).toEqual([
      owner.userId,
      owner.userId,
      admin.userId,
      owner.userId,
      auditor.userId,
      admin.userId,
    ]);
    expect(actors.slice(7)).toEqual([
      admin.userId,
      admin.userId,
      admin.userId,
      owner.userId,
      owner.userId,
    ]);
    expect(JSON.stringify(answer.body)).not.toContain('secretHash');
    // invitations show their id and role, never the invitee's address or its hash
    expect(JSON.stringify(items)).not.toContain('@example.com');
    expect(JSON.stringify(items)).not.toContain('emailHash');
    expect(answer.body.people[admin.userId]).toEqual({ userId: admin.userId }); // auditors lack members:read
    const asOwner = await http.get(`/orgs/${orgId}/audit/events`, owner.token);
    expect(asOwner.body.people[admin.userId]).toMatchObject({
      email: admin.email,
      firstName: 'Adam',
    });
  });

  it('pages through every event exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const query: string = after === null ? '?limit=2' : `?limit=2&after=${after}`;
      const answer = await http.get(`/orgs/${orgId}/audit/events${query}`, auditor.token);
      seen.push(...answer.body.items.map((item: { position: string }) => item.position));
      after = answer.body.next;
      if (after === null) break;
    }
    const all = (await http.get(`/orgs/${orgId}/audit/events`, auditor.token)).body.items.map(
      (item: { position: string }) => item.position,
    );
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('marks a deleted member as erased', async () => {
    const leaver = await registerAndLogin(http);
    await joinByInvitation(http, orgId, leaver, 'viewer', owner.token);
    await http.delete('/me', leaver.token, {
      confirmation: 'delete my account',
      password: leaver.password,
    });
    let person: unknown;
    for (let attempt = 0; attempt < 200; attempt++) {
      const answer = await http.get(`/orgs/${orgId}/audit/events?limit=500`, auditor.token);
      person = answer.body.people[leaver.userId];
      if (person && (person as { erased?: boolean }).erased) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(person).toEqual({ userId: leaver.userId, erased: true });
  });

  it('refuses members without audit:read and bad cursors', async () => {
    const viewer = await registerAndLogin(http);
    await joinByInvitation(http, orgId, viewer, 'viewer', owner.token);
    expect((await http.get(`/orgs/${orgId}/audit/events`, viewer.token)).status).toBe(403);
    expect((await http.get(`/orgs/${orgId}/audit/events?after=abc`, auditor.token)).status).toBe(
      400,
    );
    expect((await http.get(`/orgs/${orgId}/audit/events?limit=0`, auditor.token)).status).toBe(400);
  });

  it('shows a user their own security events, newest first', async () => {
    const user = await registerAndLogin(http, { password: 'Us3r!Secret' });
    const org = (await http.post('/orgs', { name: 'Mine' }, user.token)).body.organizationId;
    const key = (await http.post(`/orgs/${org}/api-keys`, { description: 'Laptop' }, user.token))
      .body;
    await http.delete(`/orgs/${org}/api-keys/${key.id}`, user.token);
    await http.put(
      '/me/password',
      { currentPassword: 'Us3r!Secret', newPassword: 'N3w!Secret', confirmPassword: 'N3w!Secret' },
      user.token,
    );
    const log = await http.get('/me/security-log', user.token);
    expect(log.status).toBe(200);
    expect(log.body.items.map((item: { type: string }) => item.type)).toEqual([
      'PasswordChanged',
      'ApiKeyRevoked',
      'ApiKeyIssued',
      'SessionStarted',
    ]);
    expect(log.body.items[1].details).toMatchObject({ keyId: key.id, reason: 'deleted' });
    expect(JSON.stringify(log.body)).not.toContain(key.key);
    expect(
      (await http.get('/me/security-log', owner.token)).body.items.map(
        (item: { type: string }) => item.type,
      ),
    ).not.toContain('PasswordChanged');
  });
});
