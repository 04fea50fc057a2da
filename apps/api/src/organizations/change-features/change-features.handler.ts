import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { runAsMember } from '../access/run-as-member';
import { ChangeFeaturesCommand } from './change-features.command';

@CommandHandler(ChangeFeaturesCommand)
export class ChangeFeaturesHandler implements ICommandHandler<ChangeFeaturesCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ access, disabled, metadata }: ChangeFeaturesCommand) {
    const result = await runAsMember(
      this.aggregates,
      access,
      'org:write',
      metadata,
      ({ organizationId, now }) => ({
        type: 'ChangeOrganizationFeatures',
        data: { organizationId, disabled, now },
      }),
    );
    const current = result.state.status === 'active' ? result.state.disabledFeatures : [];
    return { disabled: current, position: result.position };
  }
}
