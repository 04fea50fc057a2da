import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { ClientInfo } from '../client-info';
import type { StartedSession } from '../session-starter';

export class LoginWithSecondFactorCommand extends Command<StartedSession> {
  constructor(
    readonly mfaToken: string,
    readonly code: string,
    readonly client: ClientInfo,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
