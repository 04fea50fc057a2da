import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';

const MFA_TOKEN_PURPOSE = 'mfa_token';
export const MFA_TOKEN_TTL_MS = 5 * 60_000;

interface MfaClaims {
  readonly userId: string;
  /** The password it was earned with: a password change in the meantime voids it. */
  readonly passwordVersion: number;
  readonly expiresAt: number;
}

/**
 * The proof that the password step of a login passed: `mfa_<claims>.<HMAC>`, valid five
 * minutes. Stateless, so any instance accepts it; it opens nothing without a second factor,
 * whose codes are single use and throttled in the account's stream.
 */
@Injectable()
export class MfaTokens {
  constructor(private readonly hasher: SecretHasher) {}

  issue(
    userId: string,
    passwordVersion: number,
    now: Date,
  ): { mfaToken: string; expiresAt: string } {
    const expiresAt = now.getTime() + MFA_TOKEN_TTL_MS;
    const claims = Buffer.from(
      JSON.stringify({ userId, passwordVersion, expiresAt, nonce: randomBytes(8).toString('hex') }),
    ).toString('base64url');
    const mfaToken = `mfa_${claims}.${this.hasher.hash(MFA_TOKEN_PURPOSE, claims)}`;
    return { mfaToken, expiresAt: new Date(expiresAt).toISOString() };
  }

  verify(token: string, now: Date): MfaClaims | null {
    const match = /^mfa_([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match?.[1] || !match[2]) return null;
    if (!this.hasher.matches(MFA_TOKEN_PURPOSE, match[1], match[2])) return null;
    try {
      const claims = JSON.parse(Buffer.from(match[1], 'base64url').toString()) as MfaClaims;
      if (typeof claims.userId !== 'string' || typeof claims.passwordVersion !== 'number')
        return null;
      return claims.expiresAt > now.getTime() ? claims : null;
    } catch {
      return null;
    }
  }
}
