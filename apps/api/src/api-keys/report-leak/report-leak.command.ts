import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

/** Revokes the key if it is a live one; answers nothing either way. */
export class ReportLeakCommand extends Command<void> {
  constructor(
    readonly key: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
