import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class LogoutCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly sessionId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
