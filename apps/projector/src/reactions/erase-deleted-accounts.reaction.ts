import { Logger } from '@nestjs/common';
import {
  accountDecider,
  accountStream,
  apiKeyDecider,
  apiKeyStream,
  DomainError,
  emailDecider,
  emailStream,
  organizationDecider,
  organizationStream,
  sessionDecider,
  sessionStream,
  type AccountDeleted,
  type InvitationAccepted,
  type MemberAdded,
} from '@app/domain';
import type { AggregateStore } from '@app/event-store/aggregate-store';
import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore } from '@app/event-store/event-store.port';
import type { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import type { EmailSalts } from '@app/platform/personal-data/email-salts';
import type { ReservationHolderCipher } from '@app/platform/personal-data/reservation-holder.cipher';
import type { ReadStore } from '@app/read-store/read-store.port';
import type { ProjectedEvent } from '../projection';
import type { Reaction } from './reaction';

const logger = new Logger('erasure');

/**
 * The erasure cascade of AccountDeleted: revoke the account's keys, end its sessions, leave
 * its organizations, release its email, and last destroy its data key, which turns every
 * personal field in the log into unreadable ciphertext. Each step is idempotent and the key
 * goes last, so a crash anywhere is finished by replaying the reaction. A membership added in
 * a race with the deletion is undone too.
 */
export function eraseDeletedAccounts(
  aggregates: AggregateStore,
  keys: DataKeyRing,
  readStore: ReadStore,
  email: {
    readonly store: EventStore;
    readonly reservations: ReservationHolderCipher;
    readonly salts: EmailSalts;
  },
): Reaction {
  const metadataFor = (cause: ProjectedEvent): EventMetadata => ({
    correlationId: cause.metadata.correlationId,
    causationId: cause.id,
    actor: { type: 'system', id: 'erase-deleted-accounts' },
  });
  /** The email's release must not point back at the deletion: ids of its own, no cause. */
  const unlinkedMetadata = (): EventMetadata => {
    const id = randomUUID();
    return { correlationId: id, causationId: id, actor: { type: 'system', id: 'erasure' } };
  };
  /** A step whose target is already gone has nothing left to do. */
  const tolerate = async (step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // LAST_OWNER means a team gained members in a race with the deletion: say it loudly.
      const entry = { message: 'erasure step skipped', code: error.code };
      if (error.code === 'LAST_OWNER') logger.error(entry);
      else logger.warn(entry);
    }
  };

  async function leave(organizationId: string, userId: string, cause: ProjectedEvent) {
    const now = new Date().toISOString();
    await tolerate(() =>
      aggregates.handle(
        organizationStream(organizationId),
        organizationDecider,
        () => ({
          type: 'RemoveMember' as const,
          data: {
            organizationId,
            userId,
            reason: 'account_deleted' as const,
            requester: null,
            now,
          },
        }),
        { metadata: metadataFor(cause) },
      ),
    );
  }

  /**
   * Releases the address in its salted stream and retires the salt, after which the address
   * no longer leads to that stream; the same in the stream of accounts registered before
   * salts. The keys that sealed this account as a holder are destroyed too.
   */
  async function releaseEmail(emailHash: string, userId: string, now: string) {
    const salted = await email.salts.reservationOf(emailHash, { create: false });
    if (salted && (await releaseIn(salted.stream, salted.streamHash, userId, now))) {
      await email.salts.retire(emailHash, salted);
    }
    await releaseIn(emailStream(emailHash), emailHash, userId, now);
  }

  /**
   * True when `userId` made the stream's latest reservation, or its holder is already erased
   * (a crash after the holder's key went).
   */
  async function releaseIn(stream: string, emailHash: string, userId: string, now: string) {
    await aggregates.handle(
      stream,
      emailDecider,
      () => ({ type: 'ReleaseEmail' as const, data: { emailHash, userId, now } }),
      { metadata: unlinkedMetadata() },
    );
    const events = await email.store.readStream(stream);
    const holder = await email.reservations.lastHolder(events);
    const heldLast = holder === userId || holder === null;
    await email.reservations.forgetHolder(events, userId);
    aggregates.forget(stream);
    return heldLast;
  }

  async function erase(event: ProjectedEvent) {
    const { userId, emailHash, organizationIds, apiKeyIds, sessionIds } = (
      event as unknown as AccountDeleted
    ).data;
    const metadata = metadataFor(event);
    const now = new Date().toISOString();
    for (const keyId of apiKeyIds) {
      await tolerate(() =>
        aggregates.handle(
          apiKeyStream(keyId),
          apiKeyDecider,
          () => ({
            type: 'RevokeApiKey' as const,
            data: { keyId, requesterId: null, reason: 'account_deleted' as const, now },
          }),
          { metadata },
        ),
      );
    }
    for (const sessionId of sessionIds) {
      await tolerate(() =>
        aggregates.handle(
          sessionStream(sessionId),
          sessionDecider,
          () => ({
            type: 'EndSession' as const,
            data: { sessionId, reason: 'account_deleted' as const, now },
          }),
          { metadata },
        ),
      );
    }
    for (const organizationId of organizationIds) await leave(organizationId, userId, event);
    // emailHash reads null when a crash came after the data key went: these steps were done.
    if (emailHash !== null) await releaseEmail(emailHash, userId, now);
    await keys.destroy(userId);
    aggregates.forget(accountStream(userId));
    await readStore.erase();
  }

  return {
    name: 'erase-deleted-accounts',
    eventTypes: new Set([
      'AccountDeleted',
      'MemberAdded',
      'InvitationAccepted',
      'OrganizationCreated',
    ]),
    async react(event) {
      if (event.type === 'AccountDeleted') return erase(event);
      const { organizationId, userId } =
        event.type === 'MemberAdded' || event.type === 'InvitationAccepted'
          ? (event as unknown as MemberAdded | InvitationAccepted).data
          : {
              organizationId: String(event.data.organizationId),
              userId: String(event.data.ownerId),
            };
      const { state } = await aggregates.load(accountStream(userId), accountDecider);
      if (state.status === 'deleted') await leave(organizationId, userId, event);
    },
  };
}
