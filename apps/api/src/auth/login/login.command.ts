import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';

export interface LoginResult {
  readonly userId: string;
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly position: bigint;
}

export class LoginCommand extends Command<LoginResult> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
