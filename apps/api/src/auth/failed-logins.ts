import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { signInDecider, signInStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import type { EventMetadata } from '@app/event-store/event-store.port';
import type { ClientInfo } from './client-info';

/**
 * Records a wrong password for an existing account (LoginFailed), for its owner's security
 * log. After the answer, not before: awaiting the append would make a wrong password slower
 * to refuse than an unknown email, and the timing would tell which emails have accounts.
 */
@Injectable()
export class FailedLogins implements OnApplicationShutdown {
  private readonly logger = new Logger('failed-logins');
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly aggregates: AggregateStore) {}

  record(userId: string, client: ClientInfo, metadata: EventMetadata): void {
    const now = new Date().toISOString();
    const recorded = this.aggregates
      .handle(
        signInStream(userId),
        signInDecider,
        () => ({ type: 'RecordFailedLogin' as const, data: { userId, ...client, now } }),
        { metadata: { ...metadata, actor: { type: 'system', id: 'login' } } },
      )
      .then(
        () => undefined,
        (error: unknown) =>
          this.logger.warn({
            message: 'failed login not recorded',
            error: error instanceof Error ? error.name : 'unknown',
          }),
      );
    this.pending = Promise.all([this.pending, recorded]).then(() => undefined);
  }

  /** Lets the records already started reach the log before storage closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.pending;
  }
}
