import { randomBytes } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  apiKeyDecider,
  apiKeyStream,
  base62From,
  randomBytesFor,
  formatApiKey,
  KEY_ID_LENGTH,
  maskApiKey,
  SECRET_LENGTH,
} from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { API_KEY_PURPOSE } from '@app/platform/credentials/session-token';
import { CreateApiKeyCommand } from './create-api-key.command';

@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly hasher: SecretHasher,
  ) {}

  async execute({ organizationId, ownerId, description, metadata }: CreateApiKeyCommand) {
    const keyId = base62From(randomBytes(randomBytesFor(KEY_ID_LENGTH)), KEY_ID_LENGTH);
    const secret = base62From(randomBytes(randomBytesFor(SECRET_LENGTH)), SECRET_LENGTH);
    const key = formatApiKey(keyId, secret);
    const maskedKey = maskApiKey(key);
    const secretHash = this.hasher.hash(API_KEY_PURPOSE, secret);
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      apiKeyStream(keyId),
      apiKeyDecider,
      () => ({
        type: 'IssueApiKey' as const,
        data: { keyId, organizationId, ownerId, description, secretHash, maskedKey, now },
      }),
      { expectedRevision: 'no_stream', metadata },
    );
    const issued = result.events[0];
    if (issued?.type !== 'ApiKeyIssued') throw new Error('IssueApiKey recorded no ApiKeyIssued');
    const { issuedAt: createdAt, expiresAt } = issued.data;
    return {
      id: keyId,
      description,
      key,
      maskedKey,
      createdAt,
      expiresAt,
      position: result.position,
    };
  }
}
