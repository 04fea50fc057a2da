import {
  accountDecider,
  accountStream,
  apiKeyDecider,
  apiKeyStream,
  organizationDecider,
  organizationStream,
  keyAccessOf,
  type ApiKeyIssued,
  type ApiKeyRevocationReason,
  type MemberRemoved,
} from '@app/domain';
import type { AggregateStore } from '@app/event-store/aggregate-store';
import type { EventMetadata, EventStore } from '@app/event-store/event-store.port';
import type { ReadStore } from '@app/read-store/read-store.port';
import { API_KEYS, type ApiKeyDocument } from '@app/read-store/read-models/api-key.read-model';
import type { ProjectedEvent } from '../projection';
import type { Reaction } from './reaction';

/**
 * A key acts only for a member, and verification already refuses a former member's keys on
 * the next request. This makes it permanent and visible: each of their keys in that
 * organization gets an ApiKeyRevoked with the reason, so it stays dead if they come back.
 * A key issued in a race with the removal or an account deletion is caught too.
 */
export function revokeKeysOfFormerMembers(
  aggregates: AggregateStore,
  readStore: ReadStore,
  eventStore: EventStore,
): Reaction {
  const revoke = (keyId: string, reason: ApiKeyRevocationReason, cause: ProjectedEvent) => {
    const metadata: EventMetadata = {
      correlationId: cause.metadata.correlationId,
      causationId: cause.id,
      actor: { type: 'system', id: 'revoke-keys-of-former-members' },
    };
    const now = new Date().toISOString();
    return aggregates.handle(
      apiKeyStream(keyId),
      apiKeyDecider,
      () => ({ type: 'RevokeApiKey' as const, data: { keyId, requesterId: null, reason, now } }),
      { metadata },
    );
  };

  return {
    name: 'revoke-keys-of-former-members',
    eventTypes: new Set(['MemberRemoved', 'ApiKeyIssued']),
    async react(event) {
      if (event.type === 'MemberRemoved') {
        const { organizationId, userId, reason } = (event as unknown as MemberRemoved).data;
        const keys = await readStore.find<ApiKeyDocument>(API_KEYS.name, {
          organizationId,
          ownerId: userId,
        });
        const why = reason === 'account_deleted' ? 'account_deleted' : 'member_removed';
        for (const key of keys) {
          // Replayed late, the read model may hold keys issued after a re-join: spare them.
          const [issued] = await eventStore.readStream(apiKeyStream(key.id));
          if (issued && issued.position < event.position) await revoke(key.id, why, event);
        }
        return;
      }
      const issued = (event as unknown as ApiKeyIssued).data;
      const { keyId, organizationId, ownerId } = issued;
      const account = await aggregates.load(accountStream(ownerId), accountDecider);
      if (account.state.status === 'deleted') {
        await revoke(keyId, 'account_deleted', event);
        return;
      }
      const { state } = await aggregates.load(
        organizationStream(organizationId),
        organizationDecider,
      );
      // Issued in a membership that has already ended (a race with its removal).
      if (keyAccessOf(state, issued).kind === 'refused')
        await revoke(keyId, 'member_removed', event);
    },
  };
}
