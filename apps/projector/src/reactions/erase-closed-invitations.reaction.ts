import type { InvitationEvent } from '@app/domain';
import type { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import type { ReadStore } from '@app/read-store/read-store.port';
import type { Reaction } from './reaction';

/**
 * An invitation's email is needed only while the invitation is open. Once it is accepted,
 * declined or withdrawn its data key is destroyed: the address reads as null in the history,
 * and nothing left links it to the account that answered (the member list shows the member's
 * own profile instead). Expired invitations keep theirs: they were never linked to anyone.
 */
export function eraseClosedInvitations(keys: DataKeyRing, readStore: ReadStore): Reaction {
  return {
    name: 'erase-closed-invitations',
    eventTypes: new Set<InvitationEvent['type']>([
      'InvitationAccepted',
      'InvitationDeclined',
      'InvitationWithdrawn',
    ]),
    async react(event) {
      await keys.destroy(String(event.data.invitationId));
      await readStore.erase();
    },
  };
}
