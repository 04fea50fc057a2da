import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { sessionDecider, sessionStream, type ActiveAccount } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { APP_CONFIG, type AppConfig } from '@app/platform/config/config';
import { newSecret, SecretHasher } from '@app/platform/credentials/secret-hasher';
import { formatSessionToken, SESSION_TOKEN_PURPOSE } from '@app/platform/credentials/session-token';
import type { ClientInfo } from './client-info';

export interface StartedSession {
  readonly userId: string;
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly position: bigint;
}

/** Starts a session for an account whose credentials were verified: after a password, or a second factor. */
@Injectable()
export class SessionStarter {
  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: SecretHasher,
  ) {}

  async start(
    account: ActiveAccount,
    client: ClientInfo,
    metadata: EventMetadata,
  ): Promise<StartedSession> {
    const sessionId = randomUUID();
    const secret = newSecret();
    const now = new Date();
    const expiresAt = new Date(
      now.getTime() + this.config.sessionTtlMinutes * 60_000,
    ).toISOString();
    const started = await this.aggregates.handle(
      sessionStream(sessionId),
      sessionDecider,
      () => ({
        type: 'StartSession' as const,
        data: {
          sessionId,
          userId: account.userId,
          tokenHash: this.hasher.hash(SESSION_TOKEN_PURPOSE, secret),
          passwordVersion: account.passwordVersion,
          now: now.toISOString(),
          expiresAt,
          userAgent: client.userAgent,
          ipAddress: client.ipAddress,
        },
      }),
      {
        expectedRevision: 'no_stream',
        metadata: { ...metadata, actor: { type: 'user', id: account.userId } },
      },
    );
    const accessToken = formatSessionToken(sessionId, secret);
    return { userId: account.userId, accessToken, expiresAt, position: started.position ?? 0n };
  }
}
