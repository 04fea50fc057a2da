import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { OrganizationAccess } from '../access/organization-access';

export class WithdrawInvitationCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly access: OrganizationAccess,
    readonly invitationId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
