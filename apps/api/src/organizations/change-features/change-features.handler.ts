import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { ChangeFeaturesCommand } from './change-features.command';

@CommandHandler(ChangeFeaturesCommand)
export class ChangeFeaturesHandler implements ICommandHandler<ChangeFeaturesCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ organizationId, disabled, metadata }: ChangeFeaturesCommand) {
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      organizationStream(organizationId),
      organizationDecider,
      () => ({
        type: 'ChangeOrganizationFeatures' as const,
        data: { organizationId, disabled, now },
      }),
      { metadata },
    );
    const current = result.state.status === 'active' ? result.state.disabledFeatures : [];
    return { disabled: current, position: result.position };
  }
}
