import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { joinByInvitation } from './support/membership';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { readStoreUnderTest } from './support/read-store-under-test';

type Person = Awaited<ReturnType<typeof registerAndLogin>>;

/**
 * The five holes of issue 11, each as an integration or a person meets it over HTTP, on
 * each read-store adapter; the resurrection is tried with the projector and its reactor
 * stopped (so nothing but the organization's own stream can refuse the old key) and running.
 */
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'organization safety over HTTP (%s read store)',
  (readStore) => {
    let service: TestService;
    let http: HttpClient;
    const withKey = (key: string) => ({ 'x-api-key': key });
    const whoami = (key: string) => http.get('/integrations/whoami', undefined, withKey(key));

    beforeAll(async () => {
      service = await startTestService({ readStore });
      http = httpClient(service.baseUrl);
    });
    afterAll(() => service.close());

    async function team(...roles: string[]) {
      const owner = await registerAndLogin(http);
      const orgId = (await http.post('/orgs', { name: 'Acme' }, owner.token)).body
        .organizationId as string;
      const members: Person[] = [];
      for (const role of roles) {
        const person = await registerAndLogin(http);
        expect((await joinByInvitation(http, orgId, person, role, owner.token)).status).toBe(200);
        members.push(person);
      }
      return { owner, orgId, members };
    }

    const createKey = async (orgId: string, person: Person) => {
      const answer = await http.post(
        `/orgs/${orgId}/api-keys`,
        { description: 'CI' },
        person.token,
      );
      expect(answer.status).toBe(201);
      return answer.body as { id: string; key: string };
    };

    const eventsOf = async (stream: string) => {
      const store = new SqliteEventStore(join(service.dataDir, 'events.sqlite'));
      try {
        return await store.readStream(stream);
      } finally {
        await store.close();
      }
    };

    describe('1. a removed member’s key never comes back', () => {
      async function removeAndReinvite(orgId: string, owner: Person, dev: Person, key: string) {
        for (let round = 0; round < 3; round++) {
          expect(
            (await http.delete(`/orgs/${orgId}/members/${dev.userId}`, owner.token)).status,
          ).toBe(204);
          expect((await whoami(key)).status).toBe(401);
          expect((await joinByInvitation(http, orgId, dev, 'admin', owner.token)).status).toBe(200);
          expect((await http.get(`/orgs/${orgId}`, dev.token)).status).toBe(200);
          expect((await whoami(key)).status).toBe(401);
          expect((await http.get(`/orgs/${orgId}/members`, undefined, withKey(key))).status).toBe(
            401,
          );
        }
      }

      it('with the projector and its reactor stopped, re-invited three times', async () => {
        const { owner, orgId, members } = await team('developer');
        const [dev] = members as [Person];
        const { key } = await createKey(orgId, dev);
        expect((await whoami(key)).status).toBe(200);
        await service.projector.reactor.stop();
        await service.projector.projector.stop();
        try {
          await removeAndReinvite(orgId, owner, dev, key);
        } finally {
          await service.projector.projector.start();
          await service.projector.reactor.start();
        }
        // a key issued in the new membership works
        const fresh = await createKey(orgId, dev);
        expect((await whoami(fresh.key)).status).toBe(200);
        expect((await whoami(key)).status).toBe(401);
      });

      it('with the projector running, re-invited at once, three times', async () => {
        const { owner, orgId, members } = await team('developer');
        const [dev] = members as [Person];
        const { key } = await createKey(orgId, dev);
        await removeAndReinvite(orgId, owner, dev, key);
      });
    });

    describe('3, 4, 5. decided on the organization’s stream alone: the projector stopped', () => {
      it('needs consent, clears grants on demotion, stops and revokes keys', async () => {
        const { owner, orgId, members } = await team('developer', 'developer');
        const [dev, other] = members as [Person, Person];
        const devKey = await createKey(orgId, dev);
        const otherKey = await createKey(orgId, other);
        await http.put(
          `/orgs/${orgId}/members/${dev.userId}/grants`,
          { permissions: ['members:write'] },
          owner.token,
        );
        await service.projector.reactor.stop();
        await service.projector.projector.stop();
        try {
          const newcomer = await registerAndLogin(http);
          const direct = await http.post(
            `/orgs/${orgId}/members`,
            { email: newcomer.email, role: 'owner' },
            owner.token,
          );
          expect(direct.status).toBe(404);
          expect((await http.get(`/orgs/${orgId}`, newcomer.token)).status).toBe(404);
          expect((await joinByInvitation(http, orgId, newcomer, 'viewer', dev.token)).status).toBe(
            200,
          );

          expect(
            (
              await http.patch(
                `/orgs/${orgId}/members/${dev.userId}`,
                { role: 'viewer' },
                owner.token,
              )
            ).status,
          ).toBe(200);
          const later = await registerAndLogin(http);
          const invite = await http.post(
            `/orgs/${orgId}/invitations`,
            { email: later.email, role: 'viewer' },
            dev.token,
          );
          expect(invite.status).toBe(403);

          expect(
            (await http.delete(`/orgs/${orgId}/api-keys/${devKey.id}`, dev.token)).status,
          ).toBe(204);
          expect((await whoami(devKey.key)).status).toBe(401);
          await http.put(`/orgs/${orgId}/features`, { disabled: ['api_keys'] }, owner.token);
          const stopped = await whoami(otherKey.key);
          expect([stopped.status, stopped.body.code]).toEqual([403, 'API_KEYS_DISABLED']);
          expect(
            (await http.delete(`/orgs/${orgId}/api-keys/${otherKey.id}`, owner.token)).status,
          ).toBe(204);
          await http.put(`/orgs/${orgId}/features`, { disabled: [] }, owner.token);
          expect((await whoami(otherKey.key)).status).toBe(401);
        } finally {
          await service.projector.projector.start();
          await service.projector.reactor.start();
        }
      });
    });

    describe('2. co-owners deleting their accounts at the same moment', () => {
      it.each([2, 3, 5])(
        'leaves an active owner when %i owners delete at once (twice)',
        async (owners) => {
          for (let trial = 0; trial < 2; trial++) {
            const { owner, orgId, members } = await team(
              ...Array.from({ length: owners - 1 }, () => 'owner'),
              'viewer',
            );
            const everyOwner = [owner, ...members.slice(0, owners - 1)];
            const viewer = members.at(-1) as Person;
            const answers = await Promise.all(
              everyOwner.map((person) =>
                http.delete('/me', person.token, {
                  confirmation: 'delete my account',
                  password: person.password,
                }),
              ),
            );
            const statuses = answers.map((answer) => answer.status).sort();
            expect(statuses).toEqual([...Array(owners - 1).fill(204), 409]);
            const survivor = everyOwner[answers.findIndex((answer) => answer.status === 409)];
            expect((await http.get('/me', survivor?.token)).status).toBe(200);
            const list = await http.get(`/orgs/${orgId}/members`, viewer.token);
            expect(list.status).toBe(200);
            const owned = list.body.items.filter((item: { role: string }) => item.role === 'owner');
            expect(owned.map((item: { userId: string }) => item.userId)).toContain(
              survivor?.userId,
            );
            // the survivor can still act for the organization
            expect((await http.get(`/orgs/${orgId}`, survivor?.token)).body.role).toBe('owner');
          }
        },
        60_000,
      );
    });

    describe('3. nobody joins without consent', () => {
      it('answers POST /orgs/:orgId/members with 404', async () => {
        const { owner, orgId } = await team();
        const someone = await registerAndLogin(http);
        const answer = await http.post(
          `/orgs/${orgId}/members`,
          { email: someone.email, role: 'owner' },
          owner.token,
        );
        expect(answer.status).toBe(404);
        // the contract's 404, not the 405 of a known path, pointing migrating clients onwards
        expect(answer.body.code).toBe('NOT_FOUND');
        expect(answer.body.detail).toContain('POST /orgs/:orgId/invitations');
        expect(answer.headers.get('allow')).toBeNull();
        expect((await http.get('/orgs', someone.token)).body.items).toEqual([]);
      });

      it('invites an email alike whether or not it has an account, and shows no names', async () => {
        const { owner, orgId } = await team();
        const someone = await registerAndLogin(http, {
          firstName: 'Secretive',
          lastName: 'Person',
        });
        const known = await http.post(
          `/orgs/${orgId}/invitations`,
          { email: someone.email, role: 'owner' },
          owner.token,
        );
        const unknown = await http.post(
          `/orgs/${orgId}/invitations`,
          { email: `nobody.${Date.now()}@example.com`, role: 'owner' },
          owner.token,
        );
        expect([known.status, unknown.status]).toEqual([201, 201]);
        expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort());
        expect(Object.keys(known.body).sort()).toEqual(
          ['createdAt', 'email', 'expiresAt', 'invitationId', 'role'].sort(),
        );
        expect(Date.parse(known.body.expiresAt) - Date.parse(known.body.createdAt)).toBe(
          7 * 24 * 3600 * 1000,
        );
        const pending = await http.get(`/orgs/${orgId}/invitations`, owner.token);
        expect(pending.body.items).toHaveLength(2);
        expect(JSON.stringify(pending.body)).not.toContain('Secretive');
        expect(JSON.stringify(await http.get(`/orgs/${orgId}/members`, owner.token))).not.toContain(
          someone.userId,
        );
        expect(
          (
            await http.post(
              `/orgs/${orgId}/invitations`,
              { email: someone.email, role: 'viewer' },
              owner.token,
            )
          ).status,
        ).toBe(409);
        // an invitation as owner does not block the invitee's account deletion
        expect(
          (
            await http.delete('/me', someone.token, {
              confirmation: 'delete my account',
              password: someone.password,
            })
          ).status,
        ).toBe(204);
      });

      it('lets the invitee see, decline or accept, and nobody else', async () => {
        const { owner, orgId } = await team();
        const invitee = await registerAndLogin(http);
        const stranger = await registerAndLogin(http);
        const invite = async (role: string) =>
          (
            await http.post(
              `/orgs/${orgId}/invitations`,
              { email: invitee.email, role },
              owner.token,
            )
          ).body.invitationId as string;

        const first = await invite('viewer');
        expect(await service.projector.storage.dataKeys.get(first)).not.toBeNull();
        let mine = { status: 0, body: { items: [] as { invitationId: string }[] } };
        for (let attempt = 0; attempt < 200 && mine.body.items.length === 0; attempt++) {
          mine = await http.get('/me/invitations', invitee.token);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(mine.body.items).toEqual([
          expect.objectContaining({
            invitationId: first,
            organizationId: orgId,
            organizationName: 'Acme',
            role: 'viewer',
          }),
        ]);
        expect((await http.get('/me/invitations', stranger.token)).body.items).toEqual([]);
        expect(
          (await http.post(`/me/invitations/${first}/accept`, undefined, stranger.token)).status,
        ).toBe(404);
        expect(
          (await http.post(`/me/invitations/${first}/decline`, undefined, invitee.token)).status,
        ).toBe(204);
        expect(
          (await http.post(`/me/invitations/${first}/accept`, undefined, invitee.token)).status,
        ).toBe(404);

        const withdrawn = await invite('viewer');
        expect(
          (await http.delete(`/orgs/${orgId}/invitations/${withdrawn}`, owner.token)).status,
        ).toBe(204);
        expect(
          (await http.post(`/me/invitations/${withdrawn}/accept`, undefined, invitee.token)).status,
        ).toBe(404);

        const accepted = await invite('developer');
        const joined = await http.post(
          `/me/invitations/${accepted}/accept`,
          undefined,
          invitee.token,
        );
        expect(joined.status).toBe(200);
        expect(joined.body).toEqual({ organizationId: orgId, role: 'developer' });
        expect(
          (await http.post(`/me/invitations/${accepted}/accept`, undefined, invitee.token)).status,
        ).toBe(404);
        expect((await http.get(`/orgs/${orgId}`, invitee.token)).body.role).toBe('developer');
        // The role above is read from the organization's stream; read models follow the log.
        // The invitee's own list waits for the invitee's write (read-your-writes), so once it
        // is empty the projector has passed the acceptance and the owner's list is current
        // too: the owner's read alone waits for no one else's write.
        expect((await http.get('/me/invitations', invitee.token)).body.items).toEqual([]);
        expect((await http.get(`/orgs/${orgId}/invitations`, owner.token)).body.items).toEqual([]);
        // closed invitations lose their data key: the address is erased from the history
        const keys = service.projector.storage.dataKeys;
        for (const id of [first, withdrawn, accepted]) {
          for (let attempt = 0; attempt < 300 && (await keys.get(id)) !== null; attempt++)
            await new Promise((resolve) => setTimeout(resolve, 10));
          expect(await keys.get(id)).toBeNull();
        }
      });
    });

    describe('4. grants do not survive a role change', () => {
      it('clears a demoted member’s grants and shows grants in the member list', async () => {
        const { owner, orgId, members } = await team('developer');
        const [dev] = members as [Person];
        await http.put(
          `/orgs/${orgId}/members/${dev.userId}/grants`,
          { permissions: ['members:write'] },
          owner.token,
        );
        const before = await http.get(`/orgs/${orgId}/members`, owner.token);
        expect(
          before.body.items.find((item: { userId: string }) => item.userId === dev.userId),
        ).toMatchObject({ role: 'developer', grants: ['members:write'] });
        const demoted = await http.patch(
          `/orgs/${orgId}/members/${dev.userId}`,
          { role: 'viewer' },
          owner.token,
        );
        expect([demoted.status, demoted.body]).toEqual([
          200,
          { userId: dev.userId, role: 'viewer', grants: [] },
        ]);
        const someone = await registerAndLogin(http);
        expect(
          (
            await http.post(
              `/orgs/${orgId}/invitations`,
              { email: someone.email, role: 'viewer' },
              dev.token,
            )
          ).status,
        ).toBe(403);
        const after = await http.get(`/orgs/${orgId}/members`, owner.token);
        expect(
          after.body.items.find((item: { userId: string }) => item.userId === dev.userId),
        ).toMatchObject({ role: 'viewer', grants: [] });
      });
    });

    describe('5. every key can be revoked, and stopped', () => {
      it('refuses every key with 403 API_KEYS_DISABLED, yet lists and deletes them', async () => {
        const { owner, orgId, members } = await team('developer');
        const [dev] = members as [Person];
        const ownKey = await createKey(orgId, dev);
        const otherKey = await createKey(orgId, dev);
        await http.put(`/orgs/${orgId}/features`, { disabled: ['api_keys'] }, owner.token);
        const refused = await whoami(ownKey.key);
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('API_KEYS_DISABLED');
        expect((await http.get(`/orgs/${orgId}`, undefined, withKey(ownKey.key))).status).toBe(403);
        expect(
          (await http.post(`/orgs/${orgId}/api-keys`, { description: 'x' }, dev.token)).status,
        ).toBe(403);
        const listed = await http.get(`/orgs/${orgId}/api-keys`, dev.token);
        expect(listed.status).toBe(200);
        expect(listed.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
          [ownKey.id, otherKey.id].sort(),
        );
        expect((await http.delete(`/orgs/${orgId}/api-keys/${ownKey.id}`, dev.token)).status).toBe(
          204,
        );
        expect(
          (await http.delete(`/orgs/${orgId}/api-keys/${otherKey.id}`, owner.token)).status,
        ).toBe(204);
        await http.put(`/orgs/${orgId}/features`, { disabled: [] }, owner.token);
        expect((await whoami(ownKey.key)).status).toBe(401);
        expect((await whoami(otherKey.key)).status).toBe(401);
      });

      it('lets a viewer delete their own key', async () => {
        const { owner, orgId, members } = await team('developer');
        const [dev] = members as [Person];
        const { id, key } = await createKey(orgId, dev);
        await http.patch(`/orgs/${orgId}/members/${dev.userId}`, { role: 'viewer' }, owner.token);
        expect((await http.delete(`/orgs/${orgId}/api-keys/${id}`, dev.token)).status).toBe(204);
        expect((await whoami(key)).status).toBe(401);
      });

      it('lets an owner list every key and revoke a member’s, which its owner’s log shows', async () => {
        const { owner, orgId, members } = await team('developer', 'viewer');
        const [dev, viewer] = members as [Person, Person];
        const { id, key } = await createKey(orgId, dev);
        const mine = await createKey(orgId, owner);
        const all = await http.get(`/orgs/${orgId}/api-keys?owner=all`, owner.token);
        expect(all.status).toBe(200);
        expect(all.body.items).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ id, ownerId: dev.userId }),
            expect.objectContaining({ id: mine.id, ownerId: owner.userId }),
          ]),
        );
        expect((await http.get(`/orgs/${orgId}/api-keys?owner=all`, dev.token)).status).toBe(403);
        expect((await http.get(`/orgs/${orgId}/api-keys?owner=me`, owner.token)).status).toBe(400);
        expect((await http.delete(`/orgs/${orgId}/api-keys/${id}`, viewer.token)).status).toBe(404);
        expect((await whoami(key)).status).toBe(200);
        expect((await http.delete(`/orgs/${orgId}/api-keys/${id}`, owner.token)).status).toBe(204);
        expect((await whoami(key)).status).toBe(401);
        const revoked = (await eventsOf(`apikey-${id}`)).find(
          (event) => event.type === 'ApiKeyRevoked',
        );
        expect(revoked?.data).toMatchObject({ reason: 'revoked_by_admin' });
        let log: { type: string; details: Record<string, unknown> }[] = [];
        for (let attempt = 0; attempt < 200; attempt++) {
          log = (await http.get('/me/security-log', dev.token)).body.items;
          if (log.some((entry) => entry.type === 'ApiKeyRevoked')) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(log.find((entry) => entry.type === 'ApiKeyRevoked')?.details).toMatchObject({
          keyId: id,
          reason: 'revoked_by_admin',
          revokedBy: owner.userId,
        });
      });
    });
  },
);
