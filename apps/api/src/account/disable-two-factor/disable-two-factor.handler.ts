import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { TwoFactorPasswordCheck } from '../../auth/two-factor/password-check';
import { SecondFactorCodes } from '../../auth/two-factor/second-factor-codes';
import { DisableTwoFactorCommand } from './disable-two-factor.command';

@CommandHandler(DisableTwoFactorCommand)
export class DisableTwoFactorHandler implements ICommandHandler<DisableTwoFactorCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly passwords: TwoFactorPasswordCheck,
    private readonly codes: SecondFactorCodes,
  ) {}

  async execute({ userId, password, code, metadata }: DisableTwoFactorCommand) {
    const result = await this.aggregates.handle(
      accountStream(userId),
      accountDecider,
      async (state) => {
        const active = state.status === 'active' ? state : null;
        const passwordMatches = await this.passwords.matches(
          userId,
          password,
          active?.passwordHash ?? null,
        );
        const now = new Date();
        const match = active
          ? this.codes.match(active.twoFactor, code, now)
          : { matchedStep: null, recoveryCodeIndex: null };
        return {
          type: 'DisableTwoFactor' as const,
          data: { userId, passwordMatches, ...match, now: now.toISOString() },
        };
      },
      { metadata },
    );
    return { position: result.position };
  }
}
