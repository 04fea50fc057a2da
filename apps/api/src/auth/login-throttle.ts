import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/platform/config/config';

/**
 * Counts failed logins per email (by its hash) in a sliding window; past the limit every
 * attempt for that email answers 429 until the window moves on, right password or not.
 * Attempts for one email run one after another, so a burst of concurrent guesses cannot all
 * pass the check while the first comparisons are still running. Kept per instance: behind a
 * load balancer the limit is per instance (see README).
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Runs one attempt in turn for this email; `verify` answers what it verified, or null. */
  async attempt<T>(emailHash: string, verify: () => Promise<T | null>): Promise<T | null> {
    const previous = this.queues.get(emailHash) ?? Promise.resolve();
    const turn = previous.then(() => this.check(emailHash, verify));
    const settled = turn.catch(() => undefined);
    this.queues.set(emailHash, settled);
    void settled.then(() => {
      if (this.queues.get(emailHash) === settled) this.queues.delete(emailHash);
    });
    return turn;
  }

  private async check<T>(emailHash: string, verify: () => Promise<T | null>): Promise<T | null> {
    const now = Date.now();
    const recent = this.recent(emailHash, now);
    if (recent.length >= this.config.loginMaxFailures) {
      const retryAfter = Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000);
      throw new HttpException(
        { message: 'Too many failed logins for this email; try again later.', retryAfter },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const verified = await verify();
    if (verified !== null) this.failures.delete(emailHash);
    else this.failures.set(emailHash, [...recent, now]);
    return verified;
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
