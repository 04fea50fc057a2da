import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import type { paths } from './client/schema';
import { newUser } from './support/http-client';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';

/**
 * The whole user story through a client generated from the OpenAPI document
 * (openapi-typescript → test/client/schema.d.ts, `npm run openapi:client`) and openapi-fetch:
 * every operation of the document, every body typed, type-checked by tsc with the rest.
 */
describe.each<ReadStoreKind>(['sqlite', 'mongo'])(
  'the generated client (%s read store)',
  (readStore) => {
    let service: TestService;
    let api: ReturnType<typeof createClient<paths>>;

    beforeAll(async () => {
      service = await startTestService({ readStore });
      api = createClient<paths>({ baseUrl: service.baseUrl });
    });
    afterAll(() => service.close());

    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

    it('serves the document the client was generated from', async () => {
      const served = await (await fetch(`${service.baseUrl}/docs-json`)).json();
      const committed = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
      expect(served).toEqual(committed);
    });

    it('walks every operation, typed end to end', async () => {
      // public
      expect((await api.GET('/health')).data?.status).toBe('ok');
      const policy = await api.GET('/password-policy');
      expect(policy.data?.rules.map((rule) => rule.id)).toContain('min_length');
      const check = await api.POST('/password-policy/check', {
        body: { password: 'weak', confirmPassword: 'weak' },
      });
      expect(check.data?.valid).toBe(false);

      // sign-up and login of an owner and a future member
      const owner = newUser();
      const member = newUser();
      const registered = await api.POST('/auth/register', { body: owner });
      expect(registered.response.status).toBe(201);
      const memberId = (await api.POST('/auth/register', { body: member })).data?.userId as string;
      const login = await api.POST('/auth/login', {
        body: { email: owner.email, password: owner.password },
      });
      const token = login.data?.accessToken as string;
      expect(login.data?.tokenType).toBe('Bearer');
      const headers = bearer(token);

      // profile
      const profile = await api.GET('/me', { headers });
      expect(profile.data?.userId).toBe(registered.data?.userId);
      const renamed = await api.PATCH('/me', {
        headers: { ...headers, 'If-Match': profile.response.headers.get('etag') as string },
        body: { firstName: 'Augusta' },
      });
      expect(renamed.data?.firstName).toBe('Augusta');
      const stale = await api.PATCH('/me', {
        headers: { ...headers, 'If-Match': profile.response.headers.get('etag') as string },
        body: { lastName: 'King' },
      });
      expect(stale.error?.code).toBe('STALE_REVISION');

      // organization and members
      const org = await api.POST('/orgs', { headers, body: { name: 'Analytical Engines' } });
      const orgId = org.data?.organizationId as string;
      const path = { orgId };
      expect((await api.GET('/orgs', { headers })).data?.items[0]?.role).toBe('owner');
      expect((await api.GET('/orgs/{orgId}', { headers, params: { path } })).data?.name).toBe(
        'Analytical Engines',
      );
      const added = await api.POST('/orgs/{orgId}/members', {
        headers,
        params: { path },
        body: { email: member.email, role: 'viewer' },
      });
      expect(added.data?.userId).toBe(memberId);
      const members = await api.GET('/orgs/{orgId}/members', { headers, params: { path } });
      expect(members.data?.items).toHaveLength(2);
      const memberPath = { orgId, userId: memberId };
      const role = await api.PATCH('/orgs/{orgId}/members/{userId}', {
        headers,
        params: { path: memberPath },
        body: { role: 'developer' },
      });
      expect(role.data?.role).toBe('developer');
      const grants = await api.PUT('/orgs/{orgId}/members/{userId}/grants', {
        headers,
        params: { path: memberPath },
        body: { permissions: ['audit:read'] },
      });
      expect(grants.data?.granted).toEqual(['audit:read']);
      const features = await api.PUT('/orgs/{orgId}/features', {
        headers,
        params: { path },
        body: { disabled: [] },
      });
      expect(features.data?.disabled).toEqual([]);

      // API keys
      const created = await api.POST('/orgs/{orgId}/api-keys', {
        headers,
        params: { path },
        body: { description: 'CI' },
      });
      expect(created.response.headers.get('cache-control')).toBe('no-store');
      const key = created.data?.key as string;
      const keyId = created.data?.id as string;
      const listed = await api.GET('/orgs/{orgId}/api-keys', { headers, params: { path } });
      expect(listed.data?.items.map((row) => row.id)).toEqual([keyId]);
      const one = await api.GET('/orgs/{orgId}/api-keys/{keyId}', {
        headers,
        params: { path: { orgId, keyId } },
      });
      expect(one.data?.ownerId).toBe(registered.data?.userId);
      const whoami = await api.GET('/integrations/whoami', { headers: { 'X-API-Key': key } });
      expect(whoami.data?.keyId).toBe(keyId);

      // audit and security log
      const events = await api.GET('/orgs/{orgId}/audit/events', {
        headers,
        params: { path, query: { limit: 100 } },
      });
      expect(events.data?.items.length).toBeGreaterThan(0);
      const log = await api.GET('/me/security-log', { headers });
      expect(log.data?.items.map((entry) => entry.type)).toContain('SessionStarted');

      // and back out
      const deleted = await api.DELETE('/orgs/{orgId}/api-keys/{keyId}', {
        headers,
        params: { path: { orgId, keyId } },
      });
      expect(deleted.response.status).toBe(204);
      const removed = await api.DELETE('/orgs/{orgId}/members/{userId}', {
        headers,
        params: { path: memberPath },
      });
      expect(removed.response.status).toBe(204);
      const preview = await api.GET('/me/deletion-preview', { headers });
      expect(preview.data?.confirmationPhrase).toBe('delete my account');
      const newPassword = 'An0ther!Passw0rd';
      const changed = await api.PUT('/me/password', {
        headers,
        body: { currentPassword: owner.password, newPassword, confirmPassword: newPassword },
      });
      expect(changed.response.status).toBe(204);
      const wrong = await api.DELETE('/me', {
        headers,
        body: { confirmation: 'delete my account', password: owner.password },
      });
      expect(wrong.error?.code).toBe('WRONG_PASSWORD');
      const gone = await api.DELETE('/me', {
        headers,
        body: { confirmation: 'delete my account', password: newPassword },
      });
      expect(gone.response.status).toBe(204);
      const after = await api.GET('/me', { headers });
      expect(after.error?.code).toBe('UNAUTHENTICATED');

      const memberLogin = await api.POST('/auth/login', {
        body: { email: member.email, password: member.password },
      });
      const out = await api.POST('/auth/logout', {
        headers: bearer(memberLogin.data?.accessToken as string),
      });
      expect(out.response.status).toBe(204);
    });
  },
);
