import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ATTEMPT_STORE, type AttemptStore } from '@app/platform/throttling/attempt-store.port';

export interface AttemptLimit {
  /** Attempts allowed in the window; past it every attempt answers 429, right or wrong. */
  readonly maxFailures: number;
  readonly windowSeconds: number;
  /** The 429's detail. */
  readonly refusal: string;
}

/**
 * Limits attempts at a secret per subject (an email's hash, a user id) through the attempt
 * store every api instance shares: N instances allow no more guesses than one. An attempt
 * counts as failed from the moment it is admitted until it is reported successful, so a
 * burst of concurrent guesses cannot all pass while the first comparisons still run.
 */
@Injectable()
export class AttemptThrottle {
  /** The last attempt per subject in this process: attempts on one subject run in turn. */
  private readonly inTurn = new Map<string, Promise<unknown>>();

  constructor(@Inject(ATTEMPT_STORE) private readonly store: AttemptStore) {}

  /** Throws 429 (with `retryAfter`) past the limit; otherwise records the attempt. */
  async admit(subject: string, limit: AttemptLimit): Promise<void> {
    const now = Date.now();
    const windowMs = limit.windowSeconds * 1000;
    const admission = await this.store.admit(subject, now, now - windowMs, limit.maxFailures);
    if (admission.admitted) return;
    const retryAfter = Math.max(1, Math.ceil((admission.oldestAt + windowMs - now) / 1000));
    throw new HttpException({ message: limit.refusal, retryAfter }, HttpStatus.TOO_MANY_REQUESTS);
  }

  /** The attempt was right: the subject's failures are forgotten. */
  async succeeded(subject: string): Promise<void> {
    await this.store.clear(subject);
  }

  /**
   * Admits, runs `verify`, and forgets the failures when it answers something. Within one
   * process the attempts on a subject run one after another, so a burst of right answers (one
   * person signing in on several devices at once) is not refused for the moments its own
   * attempts count as failed; across instances the shared store still bounds the guesses.
   */
  attempt<T>(
    subject: string,
    limit: AttemptLimit,
    verify: () => Promise<T | null>,
  ): Promise<T | null> {
    const previous = this.inTurn.get(subject) ?? Promise.resolve();
    const current = previous
      .catch(() => undefined)
      .then(async () => {
        await this.admit(subject, limit);
        const verified = await verify();
        if (verified !== null) await this.succeeded(subject);
        return verified;
      });
    this.inTurn.set(subject, current);
    const forget = () => {
      if (this.inTurn.get(subject) === current) this.inTurn.delete(subject);
    };
    current.then(forget, forget);
    return current;
  }
}
