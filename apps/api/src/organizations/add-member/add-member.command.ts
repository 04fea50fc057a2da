import { Command } from '@nestjs/cqrs';
import type { Role } from '@app/domain';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { OrganizationAccess } from '../access/organization-access';

export class AddMemberCommand extends Command<{
  userId: string;
  email: string;
  position: bigint | null;
}> {
  constructor(
    readonly access: OrganizationAccess,
    readonly email: string,
    readonly role: Role,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
