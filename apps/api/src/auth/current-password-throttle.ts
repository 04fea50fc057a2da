import { Injectable } from '@nestjs/common';
import { AttemptThrottle, type AttemptLimit } from './attempt-throttle';

/** API.md: 5 wrong current passwords in 15 minutes, PUT /me/password and DELETE /me together. */
const CURRENT_PASSWORD_LIMIT: AttemptLimit = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  refusal: 'Too many wrong current passwords; try again later.',
};

/**
 * Guards the current-password check of a signed-in user: a stolen session must not become
 * unlimited password guessing. Shared by every api instance, like the login limit.
 */
@Injectable()
export class CurrentPasswordThrottle {
  constructor(private readonly attempts: AttemptThrottle) {}

  /**
   * Admits the attempt (or throws 429), runs `check`, which calls `matched()` once the
   * password proved right, and forgets the user's failures then, even if `check` goes on to
   * fail for another reason.
   */
  async guard<T>(userId: string, check: (matched: () => void) => Promise<T>): Promise<T> {
    const subject = `current-password:${userId}`;
    await this.attempts.admit(subject, CURRENT_PASSWORD_LIMIT);
    let passwordMatched = false;
    try {
      return await check(() => (passwordMatched = true));
    } finally {
      if (passwordMatched) await this.attempts.succeeded(subject);
    }
  }
}
