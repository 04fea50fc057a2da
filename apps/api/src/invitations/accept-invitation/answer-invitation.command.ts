import { Command } from '@nestjs/cqrs';
import type { Role } from '@app/domain';
import type { EventMetadata } from '@app/event-store/event-store.port';

export interface InvitationAnswer {
  readonly organizationId: string;
  /** The role the caller now holds (accepting), or null (declining). */
  readonly role: Role | null;
  readonly position: bigint | null;
}

/** The caller accepts or declines an invitation addressed to their email. */
export class AnswerInvitationCommand extends Command<InvitationAnswer> {
  constructor(
    readonly answer: 'AcceptInvitation' | 'DeclineInvitation',
    readonly userId: string,
    readonly invitationId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
