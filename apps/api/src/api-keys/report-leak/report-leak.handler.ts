import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStream, parseApiKey } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { API_KEY_PURPOSE } from '@app/platform/credentials/session-token';
import { ReportLeakCommand } from './report-leak.command';

/**
 * A key is revoked with reason `leaked` only when the whole key is right: its id and its
 * secret. A made-up key, or a real id with a wrong secret, changes nothing.
 */
@CommandHandler(ReportLeakCommand)
export class ReportLeakHandler implements ICommandHandler<ReportLeakCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly hasher: SecretHasher,
  ) {}

  async execute({ key, metadata }: ReportLeakCommand): Promise<void> {
    const parsed = parseApiKey(key.trim());
    if (!parsed) return;
    const { keyId, secret } = parsed;
    const { state } = await this.aggregates.load(apiKeyStream(keyId), apiKeyDecider);
    if (state.status !== 'active') return;
    if (!this.hasher.matches(API_KEY_PURPOSE, secret, state.secretHash)) return;
    await this.aggregates.handle(
      apiKeyStream(keyId),
      apiKeyDecider,
      () => ({
        type: 'RevokeApiKey' as const,
        data: {
          keyId,
          requesterId: null,
          reason: 'leaked' as const,
          now: new Date().toISOString(),
        },
      }),
      { metadata: { ...metadata, actor: { type: 'system', id: 'leak-report' } } },
    );
  }
}
