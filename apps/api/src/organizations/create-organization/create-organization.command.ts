import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class CreateOrganizationCommand extends Command<{
  organizationId: string;
  position: bigint | null;
}> {
  constructor(
    readonly ownerId: string,
    readonly name: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
