import {
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

/**
 * HMAC-SHA-256 under the server pepper: what is stored for session tokens, API-key secrets
 * and email addresses. High-entropy secrets need no slow hash; the pepper means a stolen
 * database alone cannot confirm a guess.
 */
export class SecretHasher {
  /** Imported once: every verification on the hot path reuses the key object. */
  private readonly pepper: KeyObject;

  constructor(pepper: Buffer) {
    this.pepper = createSecretKey(pepper);
  }

  hash(purpose: string, value: string): string {
    return createHmac('sha256', this.pepper).update(`${purpose}\0${value}`).digest('base64url');
  }

  matches(purpose: string, value: string, expectedHash: string): boolean {
    const actual = Buffer.from(this.hash(purpose, value));
    const expected = Buffer.from(expectedHash);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}

/** 256 random bits, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
