/**
 * Per-account data keys live outside the event log (crypto-shredding, DESIGN.md): the log
 * keeps ciphertext forever, and destroying a key here makes that account's personal fields
 * unreadable everywhere at once. Keys are stored wrapped by the master key.
 */
export interface DataKeyStore {
  /**
   * Stores `wrappedKey` for the subject unless it already has one, and returns the key that
   * is stored afterwards (the first writer wins, so concurrent registrations agree).
   */
  create(subjectId: string, wrappedKey: string): Promise<string>;
  /** The wrapped key, or null when none was created or it was destroyed. */
  get(subjectId: string): Promise<string | null>;
  /** Removes the key physically (no copy left in free pages or journals); idempotent. */
  destroy(subjectId: string): Promise<void>;
  /** As `destroy`, but only while the subject still has `wrappedKey`; true when it did. */
  destroyIfUnchanged(subjectId: string, wrappedKey: string): Promise<boolean>;
  close(): Promise<void>;
}

export const DATA_KEY_STORE = Symbol('DATA_KEY_STORE');
