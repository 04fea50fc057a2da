import { Command } from '@nestjs/cqrs';
import type { Role } from '@app/domain';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { OrganizationAccess } from '../access/organization-access';

export class ChangeMemberRoleCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly access: OrganizationAccess,
    readonly userId: string,
    readonly role: Role,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
