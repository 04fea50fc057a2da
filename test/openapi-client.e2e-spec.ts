import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import { Secret, TOTP } from 'otpauth';
import type { paths } from './client/schema';
import { newUser } from './support/http-client';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { readStoreUnderTest } from './support/read-store-under-test';

/**
 * The whole user story through a client generated from the OpenAPI document
 * (openapi-typescript → test/client/schema.d.ts, `npm run openapi:client`) and openapi-fetch:
 * every operation of the document, every body typed, type-checked by tsc with the rest.
 */
// One read store per jest project (jest.config.js runs every e2e file on both).
describe.each<ReadStoreKind>([readStoreUnderTest()])(
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
    /** Repeats `read` until `done` holds (at most 5 s), and answers the last read. */
    async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
      const deadline = Date.now() + 5_000;
      let value = await read();
      while (!done(value) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        value = await read();
      }
      return value;
    }
    /** A session token; the answer is the session, not the two-factor challenge. */
    async function logIn(user: { email: string; password: string }): Promise<string> {
      const { data } = await api.POST('/auth/login', {
        body: { email: user.email, password: user.password },
      });
      if (!data || !('accessToken' in data)) throw new Error('expected a session');
      expect(data.tokenType).toBe('Bearer');
      return data.accessToken;
    }

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

      // sign-up and login of an owner, a future member and someone who declines
      const owner = newUser();
      const member = newUser();
      const other = newUser();
      const registered = await api.POST('/auth/register', { body: owner });
      expect(registered.response.status).toBe(201);
      const ownerId = registered.data?.userId as string;
      const memberId = (await api.POST('/auth/register', { body: member })).data?.userId as string;
      await api.POST('/auth/register', { body: other });
      const token = await logIn(owner);
      const headers = bearer(token);
      const memberHeaders = bearer(await logIn(member));
      const otherHeaders = bearer(await logIn(other));

      // profile and preferences
      const profile = await api.GET('/me', { headers });
      expect(profile.data?.userId).toBe(ownerId);
      expect(profile.data?.twoFactorEnabled).toBe(false);
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
      expect((await api.GET('/me/preferences', { headers })).data?.theme).toBe('system');
      const theme = await api.PUT('/me/preferences', { headers, body: { theme: 'dark' } });
      expect(theme.data?.theme).toBe('dark');
      // null means absent for a field of the body, never for one it does not have.
      const unknown = await api.PUT('/me/preferences', {
        headers,
        body: { theme: 'light', colour: null } as unknown as { theme: 'light' },
      });
      expect(unknown.error?.errors?.[0]).toMatchObject({ field: 'colour', rule: 'unknown_field' });

      // organization
      const org = await api.POST('/orgs', { headers, body: { name: 'Analytical Engines' } });
      const orgId = org.data?.organizationId as string;
      const path = { orgId };
      expect((await api.GET('/orgs', { headers })).data?.items[0]?.role).toBe('owner');
      expect((await api.GET('/orgs/{orgId}', { headers, params: { path } })).data?.name).toBe(
        'Analytical Engines',
      );

      // invitations: one accepted, one declined, one withdrawn
      const invite = (email: string) =>
        api.POST('/orgs/{orgId}/invitations', {
          headers,
          params: { path },
          body: { email, role: 'viewer' },
        });
      const invited = await invite(member.email);
      expect(invited.response.status).toBe(201);
      expect(invited.data?.email).toBe(member.email);
      const invitationId = invited.data?.invitationId as string;
      const declinedId = (await invite(other.email)).data?.invitationId as string;
      const withdrawnId = (await invite(newUser().email)).data?.invitationId as string;
      const pending = await api.GET('/orgs/{orgId}/invitations', { headers, params: { path } });
      expect(pending.data?.items.map((row) => row.invitationId)).toEqual([
        invitationId,
        declinedId,
        withdrawnId,
      ]);
      expect(pending.data?.items[0]?.invitedBy).toBe(ownerId);
      const withdrawn = await api.DELETE('/orgs/{orgId}/invitations/{invitationId}', {
        headers,
        params: { path: { orgId, invitationId: withdrawnId } },
      });
      expect(withdrawn.response.status).toBe(204);
      const mine = await api.GET('/me/invitations', { headers: memberHeaders });
      expect(mine.data?.items.map((row) => row.organizationName)).toEqual(['Analytical Engines']);
      const accepted = await api.POST('/me/invitations/{invitationId}/accept', {
        headers: memberHeaders,
        params: { path: { invitationId } },
      });
      expect(accepted.data).toEqual({ organizationId: orgId, role: 'viewer' });
      const declined = await api.POST('/me/invitations/{invitationId}/decline', {
        headers: otherHeaders,
        params: { path: { invitationId: declinedId } },
      });
      expect(declined.response.status).toBe(204);
      const gone = await api.POST('/me/invitations/{invitationId}/accept', {
        headers: otherHeaders,
        params: { path: { invitationId: declinedId } },
      });
      expect(gone.error?.code).toBe('INVITATION_NOT_FOUND');

      // members
      // The member's accept is their write, not the owner's: the owner's read may lag a moment.
      const members = await until(
        () => api.GET('/orgs/{orgId}/members', { headers, params: { path } }),
        (answer) => answer.data?.items.length === 2,
      );
      expect(members.data?.items.map((row) => row.userId).sort()).toEqual(
        [ownerId, memberId].sort(),
      );
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
      const keyId = created.data?.id as string;
      const listed = await api.GET('/orgs/{orgId}/api-keys', { headers, params: { path } });
      expect(listed.data?.items.map((row) => row.id)).toEqual([keyId]);
      const memberKey = await api.POST('/orgs/{orgId}/api-keys', {
        headers: memberHeaders,
        params: { path },
        body: { description: 'laptop' },
      });
      expect(memberKey.response.status).toBe(201);
      // The member's key is their write: the owner's list may lag a moment.
      const all = await until(
        () =>
          api.GET('/orgs/{orgId}/api-keys', {
            headers,
            params: { path, query: { owner: 'all' } },
          }),
        (answer) => answer.data?.items.length === 2,
      );
      expect(new Set(all.data?.items.map((row) => row.ownerId))).toEqual(
        new Set([ownerId, memberId]),
      );
      const one = await api.GET('/orgs/{orgId}/api-keys/{keyId}', {
        headers,
        params: { path: { orgId, keyId } },
      });
      expect(one.data?.ownerId).toBe(ownerId);
      const rolled = await api.POST('/orgs/{orgId}/api-keys/{keyId}/roll', {
        headers,
        params: { path: { orgId, keyId } },
        body: { gracePeriodHours: 0 },
      });
      expect(rolled.response.status).toBe(201);
      expect(rolled.data?.rolledFrom).toBe(keyId);
      const rolledId = rolled.data?.id as string;
      const whoami = await api.GET('/integrations/whoami', {
        headers: { 'X-API-Key': rolled.data?.key as string },
      });
      expect(whoami.data?.keyId).toBe(rolledId);
      const leak = await api.POST('/api-keys/report-leak', {
        body: { key: memberKey.data?.key as string },
      });
      expect(leak.response.status).toBe(202);
      expect(leak.data?.status).toBe('received');

      // audit and security log, page by page
      const events = await api.GET('/orgs/{orgId}/audit/events', {
        headers,
        params: { path, query: { limit: 100 } },
      });
      expect(events.data?.items.length).toBeGreaterThan(0);
      const first = await api.GET('/me/security-log', { headers, params: { query: { limit: 1 } } });
      expect(first.data?.items).toHaveLength(1);
      const before = first.data?.next as string;
      expect(typeof before).toBe('string');
      const second = await api.GET('/me/security-log', {
        headers,
        params: { query: { limit: 100, before } },
      });
      const types = second.data?.items.map((entry) => entry.type);
      expect(types).toContain('SessionStarted');
      expect(second.data?.next).toBeNull();

      // two-factor authentication: on, a login with a second factor, off
      const setup = await api.POST('/me/2fa/totp', { headers, body: { password: owner.password } });
      expect(setup.data?.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
      const totp = new TOTP({
        secret: Secret.fromBase32(setup.data?.secret as string),
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      });
      const confirmed = await api.POST('/me/2fa/totp/confirm', {
        headers,
        body: { code: totp.generate() },
      });
      const recoveryCodes = confirmed.data?.recoveryCodes as string[];
      expect(recoveryCodes).toHaveLength(10);
      expect((await api.GET('/me', { headers })).data?.twoFactorEnabled).toBe(true);
      const challenge = await api.POST('/auth/login', {
        body: { email: owner.email, password: owner.password },
      });
      const mfaToken =
        challenge.data && 'mfaRequired' in challenge.data ? challenge.data.mfaToken : '';
      expect(mfaToken).not.toBe('');
      const second2fa = await api.POST('/auth/login/mfa', {
        body: { mfaToken, code: recoveryCodes[0] as string },
      });
      expect(second2fa.data?.tokenType).toBe('Bearer');
      const disabled = await api.DELETE('/me/2fa', {
        headers,
        body: { password: owner.password, code: recoveryCodes[1] as string },
      });
      expect(disabled.response.status).toBe(204);

      // sessions: one ended by id, the others all at once
      const sessions = await api.GET('/me/sessions', { headers });
      const others = (sessions.data?.items ?? []).filter((item) => !item.current);
      expect(others.length).toBeGreaterThanOrEqual(1);
      const ended = await api.DELETE('/me/sessions/{sessionId}', {
        headers,
        params: { path: { sessionId: others[0]?.sessionId as string } },
      });
      expect(ended.response.status).toBe(204);
      await logIn(owner);
      const endedOthers = await api.DELETE('/me/sessions', { headers });
      expect(endedOthers.response.status).toBe(204);
      const left = await api.GET('/me/sessions', { headers });
      expect(left.data?.items.map((item) => item.current)).toEqual([true]);

      // and back out
      const deleted = await api.DELETE('/orgs/{orgId}/api-keys/{keyId}', {
        headers,
        params: { path: { orgId, keyId: rolledId } },
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
      const erased = await api.DELETE('/me', {
        headers,
        body: { confirmation: 'delete my account', password: newPassword },
      });
      expect(erased.response.status).toBe(204);
      const after = await api.GET('/me', { headers });
      expect(after.error?.code).toBe('UNAUTHENTICATED');

      const out = await api.POST('/auth/logout', { headers: memberHeaders });
      expect(out.response.status).toBe(204);
    });
  },
);
