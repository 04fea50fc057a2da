import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/platform/config/config';

/**
 * Counts failed logins per email (by its hash) in a sliding window; past the limit every
 * attempt for that email answers 429 until the window moves on, right password or not.
 * Kept per instance: behind a load balancer the limit is per instance (see README).
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  assertAllowed(emailHash: string, now = Date.now()): void {
    const recent = this.recent(emailHash, now);
    if (recent.length < this.config.loginMaxFailures) return;
    const retryAfter = Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000);
    throw new HttpException(
      { message: 'Too many failed logins for this email; try again later.', retryAfter },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  recordFailure(emailHash: string, now = Date.now()): void {
    this.failures.set(emailHash, [...this.recent(emailHash, now), now]);
  }

  reset(emailHash: string): void {
    this.failures.delete(emailHash);
  }

  private get windowMs(): number {
    return this.config.loginFailureWindowSeconds * 1000;
  }

  private recent(emailHash: string, now: number): number[] {
    const recent = (this.failures.get(emailHash) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length === 0) this.failures.delete(emailHash);
    return recent;
  }
}
