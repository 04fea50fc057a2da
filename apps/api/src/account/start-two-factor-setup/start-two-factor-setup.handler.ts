import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { TwoFactorPasswordCheck } from '../../auth/two-factor/password-check';
import { SecondFactorCodes } from '../../auth/two-factor/second-factor-codes';
import { StartTwoFactorSetupCommand } from './start-two-factor-setup.command';

/** A fresh pending secret each time; it turns two-factor on only once a code from it is confirmed. */
@CommandHandler(StartTwoFactorSetupCommand)
export class StartTwoFactorSetupHandler implements ICommandHandler<StartTwoFactorSetupCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly passwords: TwoFactorPasswordCheck,
    private readonly codes: SecondFactorCodes,
  ) {}

  async execute({ userId, password, metadata }: StartTwoFactorSetupCommand) {
    const secret = this.codes.newSecret();
    const result = await this.aggregates.handle(
      accountStream(userId),
      accountDecider,
      async (state) => {
        const storedHash = state.status === 'active' ? state.passwordHash : null;
        const passwordMatches = await this.passwords.matches(userId, password, storedHash);
        const now = new Date().toISOString();
        return {
          type: 'StartTwoFactorSetup' as const,
          data: { userId, passwordMatches, secret, now },
        };
      },
      { metadata },
    );
    const email = result.state.status === 'active' ? (result.state.email ?? userId) : userId;
    return { secret, otpauthUrl: this.codes.otpauthUrl(secret, email), position: result.position };
  }
}
