import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiKeyNotFound, apiKeyDecider, apiKeyStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { DeleteApiKeyCommand } from './delete-api-key.command';

/**
 * Revokes the key. The append evicts it from this instance's credential cache before this
 * returns, and every other instance's live subscription evicts it within milliseconds.
 */
@CommandHandler(DeleteApiKeyCommand)
export class DeleteApiKeyHandler implements ICommandHandler<DeleteApiKeyCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({
    organizationId,
    requesterId,
    requesterManagesMembers,
    keyId,
    metadata,
  }: DeleteApiKeyCommand) {
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      apiKeyStream(keyId),
      apiKeyDecider,
      (state) => {
        // A key of another organization is not found from this one.
        if (state.status !== 'none' && state.organizationId !== organizationId)
          throw new ApiKeyNotFound();
        return {
          type: 'RevokeApiKey' as const,
          data: { keyId, requesterId, requesterManagesMembers, reason: 'deleted' as const, now },
        };
      },
      { metadata },
    );
    return { position: result.position };
  }
}
