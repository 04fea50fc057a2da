import { Command } from '@nestjs/cqrs';
import type { ActiveAccount } from '@app/domain';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class ChangeNameCommand extends Command<{
  account: ActiveAccount;
  profileRevision: number;
  position: bigint | null;
}> {
  constructor(
    readonly userId: string,
    readonly names: { readonly firstName?: string; readonly lastName?: string },
    readonly expectedProfileRevision: number | undefined,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
