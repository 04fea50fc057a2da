import { HttpException, HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  accountDecider,
  accountStream,
  DomainError,
  secondFactorLockedUntil,
  type AccountState,
} from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import { APP_CONFIG, type AppConfig } from '@app/platform/config/config';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { SessionStarter } from '../session-starter';
import { MfaTokens } from '../two-factor/mfa-token';
import { SecondFactorCodes } from '../two-factor/second-factor-codes';
import { LoginWithSecondFactorCommand } from './login-with-second-factor.command';

/** One answer for an expired login, a wrong code and a replayed one. */
class SecondFactorFailed extends DomainError {
  constructor() {
    super(
      'SECOND_FACTOR_FAILED',
      'unauthenticated',
      'The code is wrong or already used, or the login has expired: log in again if so.',
    );
  }
}

const MAX_WRONG_CODES = 5;

/**
 * The second step of a login. The code is spent in the account's stream with the expected
 * revision, so two instances racing with one code cannot both accept it; wrong codes are
 * recorded there too and throttle every instance alike.
 */
@CommandHandler(LoginWithSecondFactorCommand)
export class LoginWithSecondFactorHandler implements ICommandHandler<LoginWithSecondFactorCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mfaTokens: MfaTokens,
    private readonly codes: SecondFactorCodes,
    private readonly sessions: SessionStarter,
    private readonly consistency: ReadYourWrites,
  ) {}

  async execute({ mfaToken, code, client, metadata }: LoginWithSecondFactorCommand) {
    const claims = this.mfaTokens.verify(mfaToken, new Date());
    if (!claims) throw new SecondFactorFailed();
    const { userId } = claims;
    const result = await this.aggregates.handle(
      accountStream(userId),
      accountDecider,
      (state) => {
        const now = new Date();
        const twoFactor = this.usableTwoFactor(state, claims.passwordVersion);
        this.refuseWhileLocked(twoFactor, now);
        const match = this.codes.match(twoFactor, code, now);
        return {
          type: 'VerifySecondFactor' as const,
          data: { userId, ...match, now: now.toISOString() },
        };
      },
      { metadata: { ...metadata, actor: { type: 'user', id: userId } } },
    );
    if (result.state.status !== 'active' || result.events[0]?.type === 'TwoFactorCodeRejected') {
      // The rejection is recorded: the owner's next read of the security log shows it.
      this.consistency.recordWrite(userId, result.position);
      throw new SecondFactorFailed();
    }
    return this.sessions.start(result.state, client, metadata);
  }

  private usableTwoFactor(state: AccountState, passwordVersion: number) {
    if (state.status !== 'active' || state.passwordVersion !== passwordVersion)
      throw new SecondFactorFailed();
    if (!state.twoFactor.enabled) throw new SecondFactorFailed();
    return state.twoFactor;
  }

  private refuseWhileLocked(twoFactor: Parameters<typeof secondFactorLockedUntil>[0], now: Date) {
    const windowMs = this.config.loginFailureWindowSeconds * 1000;
    const until = secondFactorLockedUntil(twoFactor, now.toISOString(), MAX_WRONG_CODES, windowMs);
    if (until === null) return;
    const retryAfter = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
    throw new HttpException(
      { message: 'Too many wrong codes; try again later.', retryAfter },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
