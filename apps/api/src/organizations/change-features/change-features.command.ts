import { Command } from '@nestjs/cqrs';
import type { Feature } from '@app/domain';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { OrganizationAccess } from '../access/organization-access';

export class ChangeFeaturesCommand extends Command<{
  disabled: readonly Feature[];
  position: bigint | null;
}> {
  constructor(
    readonly access: OrganizationAccess,
    readonly disabled: readonly Feature[],
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
