import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export class RegisterCommand extends Command<{ userId: string; position: bigint }> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly firstName: string,
    readonly lastName: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
