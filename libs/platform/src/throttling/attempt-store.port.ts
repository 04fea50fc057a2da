/**
 * Attempts at a guarded secret (a login's password, the current password of `/me`), kept in
 * the store every api instance shares, so that a limit holds across instances. SQLite in the
 * embedded profile, MongoDB in the distributed one; both pass `attempt-store.contract.ts`.
 */
export interface AttemptStore {
  /**
   * Records an attempt on `subject` at `at` (ms since the epoch) if fewer than `limit` of the
   * subject's attempts since `windowStart` are ranked before it, concurrent ones on other
   * instances included; otherwise records nothing and says when the oldest of those leaves
   * the window. A recorded attempt counts as failed until `clear`.
   */
  admit(subject: string, at: number, windowStart: number, limit: number): Promise<Admission>;
  /** Forgets every attempt on `subject` (it succeeded). */
  clear(subject: string): Promise<void>;
  close(): Promise<void>;
}

export type Admission =
  { readonly admitted: true } | { readonly admitted: false; readonly oldestAt: number };

export const ATTEMPT_STORE = Symbol('ATTEMPT_STORE');

/**
 * No limit looks further back than a day (LOGIN_FAILURE_WINDOW_SECONDS is at most 86,400), so
 * attempts older than that are forgotten for every subject; younger ones only by their own
 * subject's window, which other limits' windows must never shorten.
 */
export const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;
