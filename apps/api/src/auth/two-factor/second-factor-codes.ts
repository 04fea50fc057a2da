import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import type { SecondFactorMatch } from '@app/domain';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';

const RECOVERY_CODE_PURPOSE = 'recovery_code';
const RECOVERY_CODE_COUNT = 10;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const PERIOD_SECONDS = 30;
const ISSUER = 'Account Keys';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s) through `otpauth`, and recovery codes stored as
 * HMACs under the pepper like every other credential. This turns a presented code into
 * facts for the domain (which step, which recovery code); the domain rules on replay.
 */
@Injectable()
export class SecondFactorCodes {
  constructor(private readonly hasher: SecretHasher) {}

  /** 160 random bits, base32, as RFC 4226 recommends. */
  newSecret(): string {
    return new Secret({ size: 20 }).base32;
  }

  otpauthUrl(secret: string, accountName: string): string {
    return this.totp(secret, accountName).toString();
  }

  /** The time step a six-digit code matches, one step either side of `now`, or null. */
  matchTotp(secret: string | null, code: string, now: Date): number | null {
    if (!secret || !/^\d{6}$/.test(code)) return null;
    const delta = this.totp(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
    if (delta === null) return null;
    return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  }

  /** Ten codes shown once (`abcde-fghij`), and what is stored of them. */
  newRecoveryCodes(): { codes: string[]; hashes: string[] } {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const chars = [...randomBytes(10)].map((byte) => BASE32[byte % 32]).join('');
      return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
    return { codes, hashes: codes.map((code) => this.hashRecoveryCode(code)) };
  }

  /** Which unused recovery code this is, or null. */
  matchRecoveryCode(hashes: readonly (string | null)[], code: string): number | null {
    const normalized = code.replace(/[\s-]/g, '').toLowerCase();
    if (!/^[a-z2-7]{10}$/.test(normalized)) return null;
    const presented = Buffer.from(this.hashRecoveryCode(normalized));
    let found: number | null = null;
    hashes.forEach((hash, index) => {
      if (hash === null) return;
      const stored = Buffer.from(hash);
      if (stored.length === presented.length && timingSafeEqual(stored, presented)) found = index;
    });
    return found;
  }

  match(
    twoFactor: { secret: string | null; recoveryCodeHashes: readonly (string | null)[] },
    code: string,
    now: Date,
  ): SecondFactorMatch {
    return {
      matchedStep: this.matchTotp(twoFactor.secret, code.trim(), now),
      recoveryCodeIndex: this.matchRecoveryCode(twoFactor.recoveryCodeHashes, code),
    };
  }

  private hashRecoveryCode(code: string): string {
    return this.hasher.hash(RECOVERY_CODE_PURPOSE, code.replace(/[\s-]/g, '').toLowerCase());
  }

  private totp(secret: string, label = 'account'): TOTP {
    return new TOTP({
      issuer: ISSUER,
      label,
      algorithm: 'SHA1',
      digits: 6,
      period: PERIOD_SECONDS,
      secret: Secret.fromBase32(secret),
    });
  }
}
