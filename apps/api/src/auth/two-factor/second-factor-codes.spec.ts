import { randomBytes } from 'node:crypto';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { totpCode } from '../../../../../test/support/totp';
import { SecondFactorCodes } from './second-factor-codes';
import { MfaTokens } from './mfa-token';

const hasher = new SecretHasher(randomBytes(32));
const codes = new SecondFactorCodes(hasher);
const secret = codes.newSecret();
// the middle of a time step, so ±1 step is unambiguous
const now = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);
const step = now.getTime() / 1000 / 30 - 0.5;

describe('SecondFactorCodes', () => {
  it('makes a 160-bit base32 secret', () => expect(secret).toMatch(/^[A-Z2-7]{32}$/));

  it.each([-1, 0, 1])('accepts the code of %i step(s) from now, naming its step', (offset) =>
    expect(codes.matchTotp(secret, totpCode(secret, now.getTime() + offset * 30_000), now)).toBe(
      step + offset,
    ),
  );

  it.each([-2, 2])('refuses the code of %i steps from now', (offset) =>
    expect(codes.matchTotp(secret, totpCode(secret, now.getTime() + offset * 30_000), now)).toBe(
      null,
    ),
  );

  it('refuses anything but six digits, and everything without a secret', () => {
    expect(codes.matchTotp(secret, '12345', now)).toBeNull();
    expect(codes.matchTotp(secret, 'abcdef', now)).toBeNull();
    expect(codes.matchTotp(null, totpCode(secret, now.getTime()), now)).toBeNull();
  });

  it('gives ten distinct recovery codes and keeps only their hashes', () => {
    const { codes: shown, hashes } = codes.newRecoveryCodes();
    expect(shown).toHaveLength(10);
    expect(new Set(shown).size).toBe(10);
    for (const code of shown) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(hashes.some((hash) => shown.some((code) => hash.includes(code)))).toBe(false);
  });

  it('finds a recovery code however it is typed, and never a used one', () => {
    const { codes: shown, hashes } = codes.newRecoveryCodes();
    const third = shown[2] ?? '';
    expect(codes.matchRecoveryCode(hashes, third)).toBe(2);
    expect(codes.matchRecoveryCode(hashes, ` ${third.toUpperCase().replace('-', ' ')} `)).toBe(2);
    const used = hashes.map((hash, index) => (index === 2 ? null : hash));
    expect(codes.matchRecoveryCode(used, third)).toBeNull();
    expect(codes.matchRecoveryCode(hashes, 'aaaaa-aaaaa')).toBeNull();
  });

  it('puts the secret and the parameters of RFC 6238 in the otpauth URL', () => {
    const url = codes.otpauthUrl(secret, 'ada@example.com');
    expect(url).toMatch(/^otpauth:\/\/totp\//);
    expect(url).toContain(`secret=${secret}`);
    expect(url).toContain('algorithm=SHA1&digits=6&period=30');
  });
});

describe('MfaTokens', () => {
  const tokens = new MfaTokens(hasher);
  it('accepts its own token for five minutes, with its claims', () => {
    const { mfaToken, expiresAt } = tokens.issue('u1', 3, now);
    expect(Date.parse(expiresAt) - now.getTime()).toBe(5 * 60_000);
    expect(tokens.verify(mfaToken, now)).toMatchObject({ userId: 'u1', passwordVersion: 3 });
    expect(tokens.verify(mfaToken, new Date(Date.parse(expiresAt)))).toBeNull();
  });
  it('refuses a token altered in any way, or signed with another pepper', () => {
    const { mfaToken } = tokens.issue('u1', 0, now);
    const [claims = '', mac = ''] = mfaToken.slice(4).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), userId: 'u2' }),
    ).toString('base64url');
    expect(tokens.verify(`mfa_${forged}.${mac}`, now)).toBeNull();
    const other = new MfaTokens(new SecretHasher(randomBytes(32)));
    expect(other.verify(mfaToken, now)).toBeNull();
    expect(tokens.verify('mfa_x.y', now)).toBeNull();
  });
});
