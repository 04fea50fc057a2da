import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { UserPrincipal } from '../../auth/principal';

export class ChangePasswordCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly principal: UserPrincipal,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
