import { Command } from '@nestjs/cqrs';
import type { Permission } from '@app/domain';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { OrganizationAccess } from '../access/organization-access';

export class GrantPermissionsCommand extends Command<{
  role: string;
  granted: readonly Permission[];
  permissions: readonly Permission[];
  position: bigint | null;
}> {
  constructor(
    readonly access: OrganizationAccess,
    readonly userId: string,
    readonly permissions: readonly Permission[],
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
