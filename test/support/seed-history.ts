import { randomUUID } from 'node:crypto';
import {
  accountDecider,
  accountStream,
  apiKeyDecider,
  apiKeyStream,
  organizationDecider,
  organizationStream,
  ROLE_PERMISSIONS,
  sessionDecider,
  sessionStream,
} from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import type { AppConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage } from '@app/platform/storage/storage';

const metadata = {
  correlationId: 'seed',
  causationId: 'seed',
  actor: { type: 'system', id: 'seed' },
} as const;

/**
 * Writes a realistic history straight through the command loop (no HTTP, no bcrypt): each
 * account registers, logs in, and renames itself `renames` times; every fifth one founds an
 * organization, adds the four before it, and issues a key; every tenth one deletes itself.
 */
export async function seedAccounts(
  config: AppConfig,
  accounts: number,
  renames: number,
): Promise<number> {
  const storage = await openStorage(config);
  const codec = new PersonalDataCodec(
    new DataKeyRing(storage.dataKeys, loadSecrets(config).masterKey),
  );
  const aggregates = new AggregateStore(storage.eventStore, codec);
  let events = 0;
  const handle: AggregateStore['handle'] = async (stream, decider, build, options) => {
    const result = await aggregates.handle(stream, decider, build, options);
    events += result.events.length;
    return result;
  };
  const recent: string[] = [];
  try {
    for (let a = 0; a < accounts; a++) {
      const userId = randomUUID();
      const now = new Date().toISOString();
      const account = (command: Parameters<typeof accountDecider.decide>[0]) =>
        handle(accountStream(userId), accountDecider, () => command, { metadata });
      await account({
        type: 'RegisterAccount',
        data: {
          userId,
          email: `seed${a}@example.com`,
          firstName: 'Seed',
          lastName: `N${a}`,
          passwordHash: 'x',
          now,
        },
      });
      const sessionId = randomUUID();
      await handle(
        sessionStream(sessionId),
        sessionDecider,
        () => ({
          type: 'StartSession' as const,
          data: { sessionId, userId, tokenHash: 'h', passwordVersion: 0, now, expiresAt: now },
        }),
        { metadata },
      );
      for (let r = 0; r < renames; r++)
        await account({ type: 'ChangeName', data: { userId, firstName: `Seed${r}`, now } });
      if (a % 5 === 4) await foundOrganization(userId, recent.slice(-4), now);
      if (a % 10 === 0) {
        await account({
          type: 'DeleteAccount',
          data: {
            userId,
            passwordMatches: true,
            emailHash: userId,
            organizationIds: [],
            apiKeyIds: [],
            sessionIds: [sessionId],
            now,
          },
        });
      } else {
        recent.push(userId);
      }
    }
  } finally {
    await storage.close();
  }
  return events;

  async function foundOrganization(ownerId: string, members: readonly string[], now: string) {
    const organizationId = randomUUID();
    const requester = { userId: ownerId, permissions: [...ROLE_PERMISSIONS.owner] };
    const organization = (command: Parameters<typeof organizationDecider.decide>[0]) =>
      handle(organizationStream(organizationId), organizationDecider, () => command, { metadata });
    await organization({
      type: 'CreateOrganization',
      data: { organizationId, name: `Org ${ownerId.slice(0, 4)}`, ownerId, now },
    });
    for (const userId of members) {
      await organization({
        type: 'AddMember',
        data: { organizationId, userId, role: 'developer', requester, now },
      });
    }
    // one invitation left pending: an address nobody has answered yet
    await organization({
      type: 'InviteMember',
      data: {
        organizationId,
        invitationId: `${organizationId}.${randomUUID()}`,
        email: `invitee.${organizationId}@example.com`,
        emailHash: `hash-${organizationId}`,
        role: 'viewer',
        inviteeUserId: null,
        requester,
        now,
      },
    });
    const keyId = randomUUID().replace(/-/g, '').slice(0, 16);
    await handle(
      apiKeyStream(keyId),
      apiKeyDecider,
      () => ({
        type: 'IssueApiKey' as const,
        data: {
          keyId,
          organizationId,
          ownerId,
          description: 'seed',
          secretHash: 'h',
          maskedKey: 'ak_…seed',
          now,
        },
      }),
      { metadata },
    );
  }
}
