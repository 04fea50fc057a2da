import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { IssuedApiKey } from '../api-key-issuer';

export type { IssuedApiKey } from '../api-key-issuer';

export class CreateApiKeyCommand extends Command<IssuedApiKey> {
  constructor(
    readonly organizationId: string,
    readonly ownerId: string,
    readonly description: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
