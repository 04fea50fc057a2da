import { Command } from '@nestjs/cqrs';
import type { Theme } from '@app/domain';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class ChangePreferencesCommand extends Command<{ theme: Theme; position: bigint | null }> {
  constructor(
    readonly userId: string,
    readonly theme: Theme,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
