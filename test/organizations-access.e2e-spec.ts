import { ROLE_PERMISSIONS, type Permission, type Role } from '@app/domain';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { joinByInvitation } from './support/membership';
import { startTestService, type TestService } from './support/test-service';

type Person = Awaited<ReturnType<typeof registerAndLogin>>;

/**
 * One request per organization endpoint, each safe to repeat: the answer is 2xx exactly
 * when the caller holds the permission API.md names for it.
 */
interface EndpointCase {
  readonly name: string;
  readonly permission: Permission;
  readonly call: (
    http: HttpClient,
    orgId: string,
    caller: Person,
    target: Person,
  ) => ReturnType<HttpClient['call']>;
}

const ENDPOINTS: readonly EndpointCase[] = [
  {
    name: 'GET /orgs/:orgId',
    permission: 'org:read',
    call: (h, o, c) => h.get(`/orgs/${o}`, c.token),
  },
  {
    name: 'GET members',
    permission: 'members:read',
    call: (h, o, c) => h.get(`/orgs/${o}/members`, c.token),
  },
  {
    name: 'POST invitations (and accepting)',
    permission: 'members:write',
    call: async (h, o, c) => {
      const newcomer = await registerAndLogin(h);
      return joinByInvitation(h, o, newcomer, 'viewer', c.token);
    },
  },
  {
    name: 'PATCH member role',
    permission: 'members:write',
    call: (h, o, c, t) => h.patch(`/orgs/${o}/members/${t.userId}`, { role: 'viewer' }, c.token),
  },
  {
    name: 'PUT member grants',
    permission: 'members:write',
    call: (h, o, c, t) =>
      h.put(`/orgs/${o}/members/${t.userId}/grants`, { permissions: [] }, c.token),
  },
  {
    name: 'DELETE member',
    permission: 'members:write',
    call: async (h, o, c) => {
      const leaver = await registerAndLogin(h);
      await joinByInvitation(h, o, leaver, 'viewer', ownerToken);
      return h.delete(`/orgs/${o}/members/${leaver.userId}`, c.token);
    },
  },
  {
    name: 'PUT features',
    permission: 'org:write',
    call: (h, o, c) => h.put(`/orgs/${o}/features`, { disabled: [] }, c.token),
  },
];

let ownerToken = '';

describe('organizations: roles, permissions and isolation over HTTP', () => {
  let service: TestService;
  let http: HttpClient;
  let owner: Person;
  let orgId: string;
  const members = {} as Record<Role, Person>;
  let target: Person;
  let outsider: Person;

  beforeAll(async () => {
    service = await startTestService();
    http = httpClient(service.baseUrl);
    owner = await registerAndLogin(http, { firstName: 'Olive' });
    ownerToken = owner.token;
    const created = await http.post('/orgs', { name: 'Acme' }, owner.token);
    expect(created.status).toBe(201);
    orgId = created.body.organizationId;
    members.owner = owner;
    for (const role of ['admin', 'developer', 'viewer', 'auditor'] as const) {
      members[role] = await registerAndLogin(http, { firstName: role });
      const added = await joinByInvitation(http, orgId, members[role], role, owner.token);
      expect(added.status).toBe(200);
    }
    target = await registerAndLogin(http, { firstName: 'Target' });
    await joinByInvitation(http, orgId, target, 'viewer', owner.token);
    outsider = await registerAndLogin(http, { firstName: 'Outsider' });
  }, 60_000);
  afterAll(() => service.close());

  describe.each(['owner', 'admin', 'developer', 'viewer', 'auditor'] as const)('as %s', (role) => {
    it.each(ENDPOINTS.map((endpoint) => [endpoint.name, endpoint] as const))(
      '%s answers per API.md',
      async (_name, endpoint) => {
        const answer = await endpoint.call(http, orgId, members[role], target);
        const allowed = ROLE_PERMISSIONS[role].includes(endpoint.permission);
        if (allowed) expect(answer.status).toBeLessThan(300);
        else expect(answer.status).toBe(403);
      },
    );
  });

  it.each(ENDPOINTS.map((endpoint) => [endpoint.name, endpoint] as const))(
    'an outsider gets 404 on %s',
    async (_name, endpoint) => {
      const answer = await endpoint.call(http, orgId, outsider, target);
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer.body)).not.toContain('Acme');
    },
  );

  it('answers an unknown organization exactly as one the caller is outside of', async () => {
    const unknown = await http.get('/orgs/00000000-0000-4000-8000-000000000000', outsider.token);
    const hidden = await http.get(`/orgs/${orgId}`, outsider.token);
    expect(unknown.status).toBe(404);
    const { requestId: _a, ...unknownBody } = unknown.body;
    const { requestId: _b, ...hiddenBody } = hidden.body;
    expect(unknownBody).toEqual(hiddenBody);
  });

  it('lists members with their names and roles, and the caller’s organizations with their role', async () => {
    const list = await http.get(`/orgs/${orgId}/members`, members.viewer.token);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        {
          userId: owner.userId,
          email: owner.email,
          firstName: 'Olive',
          lastName: 'Lovelace',
          role: 'owner',
          grants: [],
        },
        expect.objectContaining({
          userId: members.auditor.userId,
          role: 'auditor',
          firstName: 'auditor',
        }),
      ]),
    );
    const mine = await http.get('/orgs', members.developer.token);
    expect(mine.body.items).toEqual([{ organizationId: orgId, name: 'Acme', role: 'developer' }]);
  });

  it('shows a member’s new name in the member list right after they rename', async () => {
    await http.patch('/me', { firstName: 'Renamed' }, members.viewer.token);
    const list = await http.get(`/orgs/${orgId}/members`, members.viewer.token);
    expect(
      list.body.items.find((item: { userId: string }) => item.userId === members.viewer.userId)
        .firstName,
    ).toBe('Renamed');
  });

  it('applies a grant and a disabled feature to the very next request', async () => {
    const auditor = members.auditor;
    expect((await http.get(`/orgs/${orgId}/members`, auditor.token)).status).toBe(403);
    const granted = await http.put(
      `/orgs/${orgId}/members/${auditor.userId}/grants`,
      { permissions: ['members:read'] },
      owner.token,
    );
    expect(granted.body).toEqual({
      userId: auditor.userId,
      role: 'auditor',
      granted: ['members:read'],
      permissions: ['org:read', 'members:read', 'audit:read'],
    });
    expect((await http.get(`/orgs/${orgId}/members`, auditor.token)).status).toBe(200);

    expect(
      (await http.put(`/orgs/${orgId}/features`, { disabled: ['members'] }, owner.token)).body
        .disabled,
    ).toEqual(['members']);
    expect((await http.get(`/orgs/${orgId}/members`, auditor.token)).status).toBe(403);
    expect((await http.get(`/orgs/${orgId}/members`, owner.token)).status).toBe(403);
    expect((await http.get(`/orgs/${orgId}`, owner.token)).body.permissions).not.toContain(
      'members:read',
    );
    await http.put(`/orgs/${orgId}/features`, { disabled: [] }, owner.token);
    expect((await http.get(`/orgs/${orgId}/members`, owner.token)).status).toBe(200);
  });

  it('applies a demotion to the very next request', async () => {
    const person = await registerAndLogin(http);
    await joinByInvitation(http, orgId, person, 'admin', owner.token);
    expect(
      (
        await http.put(
          `/orgs/${orgId}/members/${target.userId}/grants`,
          { permissions: [] },
          person.token,
        )
      ).status,
    ).toBe(200);
    await http.patch(`/orgs/${orgId}/members/${person.userId}`, { role: 'viewer' }, owner.token);
    expect(
      (
        await http.put(
          `/orgs/${orgId}/members/${target.userId}/grants`,
          { permissions: [] },
          person.token,
        )
      ).status,
    ).toBe(403);
  });

  it('refuses to remove or demote the last owner, and lets them go once another owner exists', async () => {
    const org = (await http.post('/orgs', { name: 'Solo' }, owner.token)).body.organizationId;
    const demote = await http.patch(
      `/orgs/${org}/members/${owner.userId}`,
      { role: 'admin' },
      owner.token,
    );
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('LAST_OWNER');
    expect((await http.delete(`/orgs/${org}/members/${owner.userId}`, owner.token)).status).toBe(
      409,
    );
    const heir = await registerAndLogin(http);
    await joinByInvitation(http, org, heir, 'owner', owner.token);
    expect(
      (await http.patch(`/orgs/${org}/members/${owner.userId}`, { role: 'admin' }, owner.token))
        .status,
    ).toBe(200);
  });

  it('refuses an admin handing out more than they hold', async () => {
    const newcomer = await registerAndLogin(http);
    const answer = await http.post(
      `/orgs/${orgId}/invitations`,
      { email: newcomer.email, role: 'owner' },
      members.admin.token,
    );
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('BEYOND_OWN_PERMISSIONS');
  });

  it('cuts a removed member off at once and drops them from the list', async () => {
    const person = await registerAndLogin(http);
    await joinByInvitation(http, orgId, person, 'developer', owner.token);
    expect((await http.get(`/orgs/${orgId}`, person.token)).status).toBe(200);
    expect((await http.delete(`/orgs/${orgId}/members/${person.userId}`, owner.token)).status).toBe(
      204,
    );
    expect((await http.get(`/orgs/${orgId}`, person.token)).status).toBe(404);
    const list = await http.get(`/orgs/${orgId}/members`, owner.token);
    expect(list.body.items.map((item: { userId: string }) => item.userId)).not.toContain(
      person.userId,
    );
    expect((await http.get('/orgs', person.token)).body.items).toEqual([]);
  });

  it.each([
    ['an email without an account', { email: 'nobody@example.com', role: 'viewer' }, 201],
    ['an unknown role', { email: 'x@example.com', role: 'superuser' }, 400],
    ['an existing member', () => ({ email: members.viewer.email, role: 'viewer' }), 409],
  ])('answers inviting %s with %s', async (_case, body, status) => {
    const payload = typeof body === 'function' ? body() : body;
    expect((await http.post(`/orgs/${orgId}/invitations`, payload, owner.token)).status).toBe(
      status,
    );
  });

  it('refuses unknown permissions and features with 400', async () => {
    expect(
      (
        await http.put(
          `/orgs/${orgId}/members/${target.userId}/grants`,
          { permissions: ['root'] },
          owner.token,
        )
      ).status,
    ).toBe(400);
    expect(
      (await http.put(`/orgs/${orgId}/features`, { disabled: ['billing'] }, owner.token)).status,
    ).toBe(400);
  });
});
