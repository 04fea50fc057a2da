import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { CreateOrganizationCommand } from './create-organization.command';

@CommandHandler(CreateOrganizationCommand)
export class CreateOrganizationHandler implements ICommandHandler<CreateOrganizationCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ ownerId, name, metadata }: CreateOrganizationCommand) {
    const organizationId = randomUUID();
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      organizationStream(organizationId),
      organizationDecider,
      () => ({ type: 'CreateOrganization' as const, data: { organizationId, name, ownerId, now } }),
      { expectedRevision: 'no_stream', metadata },
    );
    return { organizationId, position: result.position };
  }
}
