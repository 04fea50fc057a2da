import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountDecider, accountStream } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { SecondFactorCodes } from '../../auth/two-factor/second-factor-codes';
import { ConfirmTwoFactorCommand } from './confirm-two-factor.command';

/** Turns two-factor on and hands out the ten recovery codes, whose HMACs alone are kept. */
@CommandHandler(ConfirmTwoFactorCommand)
export class ConfirmTwoFactorHandler implements ICommandHandler<ConfirmTwoFactorCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly codes: SecondFactorCodes,
  ) {}

  async execute({ userId, code, metadata }: ConfirmTwoFactorCommand) {
    const recovery = this.codes.newRecoveryCodes();
    const result = await this.aggregates.handle(
      accountStream(userId),
      accountDecider,
      (state) => {
        const now = new Date();
        const pending = state.status === 'active' ? state.twoFactor.pendingSecret : null;
        return {
          type: 'ConfirmTwoFactor' as const,
          data: {
            userId,
            matchedStep: this.codes.matchTotp(pending, code.trim(), now),
            recoveryCodeHashes: recovery.hashes,
            now: now.toISOString(),
          },
        };
      },
      { metadata },
    );
    return { recoveryCodes: recovery.codes, position: result.position };
  }
}
