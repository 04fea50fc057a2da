import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { LoginThrottle } from '../login-throttle';
import { PasswordHasher } from '../password-hasher';

/**
 * The password check of the two-factor endpoints, throttled like logins (per user, through
 * LoginThrottle, so it becomes shared across instances wherever that limit does): a stolen
 * session must not become an unlimited password oracle.
 */
@Injectable()
export class TwoFactorPasswordCheck {
  constructor(
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async matches(userId: string, password: string, storedHash: string | null): Promise<boolean> {
    try {
      const verified = await this.throttle.attempt(`two-factor-password:${userId}`, async () =>
        (await this.passwords.verify(password, storedHash)) ? true : null,
      );
      return verified === true;
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() !== 429) throw error;
      const { retryAfter } = error.getResponse() as { retryAfter?: number };
      throw new HttpException(
        { message: 'Too many wrong passwords; try again later.', retryAfter },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
