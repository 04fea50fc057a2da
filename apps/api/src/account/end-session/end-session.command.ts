import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class EndSessionCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
