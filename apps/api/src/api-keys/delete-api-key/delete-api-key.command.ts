import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class DeleteApiKeyCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly organizationId: string,
    readonly requesterId: string,
    /** members:write here: any key of the organization may be revoked. */
    readonly requesterManagesMembers: boolean,
    readonly keyId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
