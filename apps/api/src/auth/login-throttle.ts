import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/platform/config/config';
import { AttemptThrottle, type AttemptLimit } from './attempt-throttle';

/**
 * Counts failed logins per email (by its hash) in a sliding window, in the store every api
 * instance shares; past the limit every attempt for that email answers 429 until the window
 * moves on, right password or not.
 */
@Injectable()
export class LoginThrottle {
  private readonly limit: AttemptLimit;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly attempts: AttemptThrottle,
  ) {
    this.limit = {
      maxFailures: config.loginMaxFailures,
      windowSeconds: config.loginFailureWindowSeconds,
      refusal: 'Too many failed logins for this email; try again later.',
    };
  }

  /** Runs one attempt for this email; `verify` answers what it verified, or null. */
  async attempt<T>(emailHash: string, verify: () => Promise<T | null>): Promise<T | null> {
    return this.attempts.attempt(`login:${emailHash}`, this.limit, verify);
  }
}
