import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class DisableTwoFactorCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly userId: string,
    readonly password: string,
    readonly code: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
