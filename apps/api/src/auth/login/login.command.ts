import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { ClientInfo } from '../client-info';
import type { StartedSession } from '../session-starter';

/** A session, or with two-factor on, the token for the second step (`POST /auth/login/mfa`). */
export type LoginResult =
  | ({ readonly mfaRequired: false } & StartedSession)
  | { readonly mfaRequired: true; readonly mfaToken: string; readonly expiresAt: string };

export class LoginCommand extends Command<LoginResult> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly metadata: EventMetadata,
    readonly client: ClientInfo = { userAgent: null, ipAddress: null },
  ) {
    super();
  }
}
