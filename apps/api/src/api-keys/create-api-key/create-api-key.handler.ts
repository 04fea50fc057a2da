import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiKeyIssuer } from '../api-key-issuer';
import { CreateApiKeyCommand } from './create-api-key.command';

@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(private readonly issuer: ApiKeyIssuer) {}

  execute({ organizationId, ownerId, description, metadata }: CreateApiKeyCommand) {
    return this.issuer.issue({ organizationId, ownerId, description, metadata });
  }
}
