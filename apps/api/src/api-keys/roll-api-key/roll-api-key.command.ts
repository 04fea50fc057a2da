import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { IssuedApiKey } from '../create-api-key/create-api-key.command';

export class RollApiKeyCommand extends Command<IssuedApiKey & { rolledFrom: string }> {
  constructor(
    readonly organizationId: string,
    readonly requesterId: string,
    readonly keyId: string,
    readonly gracePeriodHours: number,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
