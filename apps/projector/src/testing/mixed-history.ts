import {
  accountStream,
  apiKeyStream,
  organizationStream,
  sessionStream,
  type AccountEvent,
  type ApiKeyEvent,
  type OrganizationEvent,
  type SessionEvent,
} from '@app/domain';
import type { DomainEvent, EventCodec } from '@app/event-store/event-codec';
import type { EventStore } from '@app/event-store/event-store.port';

type AnyEvent = AccountEvent | OrganizationEvent | ApiKeyEvent | SessionEvent;

export interface MixedHistory {
  readonly events: number;
  /** Accounts deleted in the log whose data key the test should destroy (erased). */
  readonly erasedUserIds: readonly string[];
}

const pad = (n: number, width = 4) => String(n).padStart(width, '0');
const userIdOf = (n: number) => `00000000-0000-4000-8000-${pad(n, 12)}`;
const orgIdOf = (n: number) => `00000000-0000-4000-9000-${pad(n, 12)}`;
const keyIdOf = (n: number) => `00000000-0000-4000-a000-${pad(n, 12)}`;
const sessionIdOf = (n: number) => `00000000-0000-4000-b000-${pad(n, 12)}`;
const HASH = `$2b$04$${'N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'}`;

/**
 * A deterministic log touching every read model: accounts that register, rename, change
 * passwords, start and end sessions, own and join organizations, issue and revoke keys, and
 * some that are deleted with their cascade (members removed, keys revoked, sessions ended).
 * Every id, time and order is fixed, so two replays of it can be compared document by
 * document, and with a dump stored by an earlier version of the projector.
 */
export async function writeMixedHistory(
  store: EventStore,
  codec: EventCodec,
  accounts = 60,
): Promise<MixedHistory> {
  const log: { stream: string; event: AnyEvent }[] = [];
  let second = 0;
  const at = () => new Date(Date.UTC(2025, 0, 1) + second++ * 1000).toISOString();
  const push = (stream: string, event: AnyEvent) => log.push({ stream, event });
  const erasedUserIds: string[] = [];
  let keys = 0;
  let sessions = 0;

  for (let n = 0; n < accounts; n++) {
    const userId = userIdOf(n);
    push(accountStream(userId), {
      type: 'AccountRegistered',
      data: {
        userId,
        email: `person${n}@example.com`,
        firstName: `First${n}`,
        lastName: `Last${n}`,
        passwordHash: HASH,
        registeredAt: at(),
      },
    });
    const sessionId = sessionIdOf(sessions++);
    push(sessionStream(sessionId), {
      type: 'SessionStarted',
      data: {
        sessionId,
        userId,
        tokenHash: `token-${n}`,
        passwordVersion: 0,
        startedAt: at(),
        expiresAt: '2026-01-01T00:00:00.000Z',
      },
    });
  }

  // Every 5th account owns an organization; the next three accounts join it.
  for (let owner = 0; owner + 3 < accounts; owner += 5) {
    const organizationId = orgIdOf(owner);
    const ownerId = userIdOf(owner);
    push(organizationStream(organizationId), {
      type: 'OrganizationCreated',
      data: { organizationId, name: `Org ${owner}`, ownerId, createdAt: at() },
    });
    for (let member = owner + 1; member <= owner + 3; member++) {
      push(organizationStream(organizationId), {
        type: 'MemberAdded',
        data: { organizationId, userId: userIdOf(member), role: 'developer', addedAt: at() },
      });
    }
    push(organizationStream(organizationId), {
      type: 'MemberRoleChanged',
      data: {
        organizationId,
        userId: userIdOf(owner + 1),
        role: 'admin',
        previousRole: 'developer',
        changedAt: at(),
      },
    });
    push(organizationStream(organizationId), {
      type: 'MemberPermissionsGranted',
      data: {
        organizationId,
        userId: userIdOf(owner + 2),
        permissions: ['keys:read'] as never,
        grantedAt: at(),
      },
    });
    for (const holder of [owner, owner + 1]) {
      const keyId = keyIdOf(keys++);
      push(apiKeyStream(keyId), {
        type: 'ApiKeyIssued',
        data: {
          keyId,
          organizationId,
          ownerId: userIdOf(holder),
          description: `key ${keyId.slice(-4)}`,
          secretHash: `secret-hash-${keys}`,
          maskedKey: `ak_…${pad(keys)}`,
          issuedAt: at(),
          expiresAt: '2026-06-01T00:00:00.000Z',
        },
      });
    }
    push(organizationStream(organizationId), {
      type: 'MemberRemoved',
      data: { organizationId, userId: userIdOf(owner + 3), reason: 'removed', removedAt: at() },
    });
    const revoked = keyIdOf(keys - 1);
    push(apiKeyStream(revoked), {
      type: 'ApiKeyRevoked',
      data: {
        keyId: revoked,
        organizationId,
        ownerId: userIdOf(owner + 1),
        reason: 'deleted',
        revokedAt: at(),
      },
    });
  }

  // Renames and password changes interleaved across accounts, several per account.
  for (let round = 0; round < 4; round++) {
    for (let n = 0; n < accounts; n++) {
      const userId = userIdOf(n);
      push(accountStream(userId), {
        type: 'NameChanged',
        data: { userId, firstName: `F${n}r${round}`, lastName: `Last${n}`, changedAt: at() },
      });
      if ((n + round) % 3 === 0) {
        push(accountStream(userId), {
          type: 'PasswordChanged',
          data: { userId, passwordHash: HASH, keptSessionId: sessionIdOf(n), changedAt: at() },
        });
      }
    }
  }
  for (let n = 0; n < accounts; n += 4) {
    push(sessionStream(sessionIdOf(n)), {
      type: 'SessionEnded',
      data: { sessionId: sessionIdOf(n), userId: userIdOf(n), reason: 'logout', endedAt: at() },
    });
  }

  // Every 7th account is deleted, with the cascade the reactions would write; every other
  // deleted account is also erased (its data key destroyed) by the caller.
  for (let n = 1; n < accounts; n += 7) {
    const userId = userIdOf(n);
    const owner = n - (n % 5);
    const organizationId = orgIdOf(owner);
    const isMember = n % 5 >= 1 && n % 5 <= 2 && owner + 3 < accounts;
    push(accountStream(userId), {
      type: 'AccountDeleted',
      data: {
        userId,
        deletedAt: at(),
        emailHash: `email-hash-${n}`,
        organizationIds: isMember ? [organizationId] : [],
        apiKeyIds: [],
        sessionIds: [sessionIdOf(n)],
      },
    });
    if (isMember) {
      push(organizationStream(organizationId), {
        type: 'MemberRemoved',
        data: { organizationId, userId, reason: 'account_deleted', removedAt: at() },
      });
    }
    if (n % 4 !== 0) {
      push(sessionStream(sessionIdOf(n)), {
        type: 'SessionEnded',
        data: { sessionId: sessionIdOf(n), userId, reason: 'account_deleted', endedAt: at() },
      });
    }
    if (n % 2 === 1) erasedUserIds.push(userId);
  }

  let position = 0;
  for (const { stream, event } of log) {
    const encoded = await codec.encode(event as DomainEvent);
    const id = `00000000-0000-4000-c000-${pad(position++, 12)}`;
    await store.append(
      stream,
      [
        {
          id,
          type: encoded.type,
          data: encoded.data,
          metadata: {
            correlationId: id,
            causationId: id,
            actor: {
              type: 'user',
              id: String((event.data as { userId?: string }).userId ?? 'system'),
            },
            occurredAt: (Object.values(event.data).find(
              (value) => typeof value === 'string' && /^2025-/.test(value),
            ) ?? '2025-01-01T00:00:00.000Z') as string,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
  return { events: log.length, erasedUserIds };
}
