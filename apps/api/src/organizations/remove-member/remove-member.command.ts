import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { OrganizationAccess } from '../access/organization-access';

export class RemoveMemberCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly access: OrganizationAccess,
    readonly userId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
