import { Command } from '@nestjs/cqrs';
import type { Permission, Role } from '@app/domain';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { OrganizationAccess } from '../access/organization-access';

export class ChangeMemberRoleCommand extends Command<{
  grants: readonly Permission[];
  position: bigint | null;
}> {
  constructor(
    readonly access: OrganizationAccess,
    readonly userId: string,
    readonly role: Role,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
