import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class DeleteApiKeyCommand extends Command<{ position: bigint | null }> {
  constructor(
    readonly organizationId: string,
    readonly requesterId: string,
    readonly keyId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
