import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class ConfirmTwoFactorCommand extends Command<{
  recoveryCodes: string[];
  position: bigint | null;
}> {
  constructor(
    readonly userId: string,
    readonly code: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
