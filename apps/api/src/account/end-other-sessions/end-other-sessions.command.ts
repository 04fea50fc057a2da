import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { UserPrincipal } from '../../auth/principal';

export class EndOtherSessionsCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly principal: UserPrincipal,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
