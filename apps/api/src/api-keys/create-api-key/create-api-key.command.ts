import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export interface IssuedApiKey {
  readonly id: string;
  readonly description: string;
  /** The only time the key exists outside its owner's hands: answered once, never stored. */
  readonly key: string;
  readonly maskedKey: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly position: bigint | null;
}

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
