import { Command } from '@nestjs/cqrs';
import type { Role } from '@app/domain';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { OrganizationAccess } from '../access/organization-access';

export interface InvitationSent {
  readonly invitationId: string;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly position: bigint | null;
}

export class InviteMemberCommand extends Command<InvitationSent> {
  constructor(
    readonly access: OrganizationAccess,
    readonly email: string,
    readonly role: Role,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
