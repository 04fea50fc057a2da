import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export interface PendingTotp {
  readonly secret: string;
  readonly otpauthUrl: string;
  readonly position: bigint | null;
}

export class StartTwoFactorSetupCommand extends Command<PendingTotp> {
  constructor(
    readonly userId: string,
    readonly password: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
