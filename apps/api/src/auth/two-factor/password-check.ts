import { Injectable } from '@nestjs/common';
import { CurrentPasswordThrottle } from '../current-password-throttle';
import { PasswordHasher } from '../password-hasher';

/**
 * The password check of the two-factor endpoints. It spends the same budget of wrong current
 * passwords as PUT /me/password and DELETE /me (shared by every instance): a stolen session
 * must not find, in another endpoint, an unlimited password oracle.
 */
@Injectable()
export class TwoFactorPasswordCheck {
  constructor(
    private readonly passwords: PasswordHasher,
    private readonly throttle: CurrentPasswordThrottle,
  ) {}

  matches(userId: string, password: string, storedHash: string | null): Promise<boolean> {
    return this.throttle.guard(userId, async (matched) => {
      const verified = await this.passwords.verify(password, storedHash);
      if (verified) matched();
      return verified;
    });
  }
}
