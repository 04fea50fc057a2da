import {
  base62From,
  expiryOf,
  formatApiKey,
  maskApiKey,
  parseApiKey,
  randomBytesFor,
} from './api-key.format';

const bytes = (seed: number, length: number) =>
  Uint8Array.from({ length }, (_, i) => (seed * 31 + i * 7) % 256);
const keyId = base62From(bytes(1, randomBytesFor(16)), 16);
const secret = base62From(bytes(2, randomBytesFor(43)), 43);
const key = formatApiKey(keyId, secret);

describe('API key format', () => {
  it('given an id and a secret, formats ak_ + 65 base62 characters that parse back', () => {
    expect(key).toMatch(/^ak_[0-9A-Za-z]{65}$/);
    expect(parseApiKey(key)).toEqual({ keyId, secret });
  });

  it('refuses any single mistyped character through the checksum', () => {
    for (let i = 3; i < key.length; i++) {
      const typo = key.slice(0, i) + (key[i] === 'a' ? 'b' : 'a') + key.slice(i + 1);
      expect(parseApiKey(typo)).toBeNull();
    }
  });

  it.each([
    '',
    'ak_',
    'sk_' + key.slice(3),
    key + 'x',
    key.slice(0, -1),
    key.replace(/.$/, '-'),
    ` ${key}`,
  ])('refuses the malformed %j', (candidate) => expect(parseApiKey(candidate)).toBeNull());

  it('masks to the prefix and the last four characters', () =>
    expect(maskApiKey(key)).toBe(`ak_…${key.slice(-4)}`));

  it('expires one calendar year later', () => {
    expect(expiryOf('2026-03-10T12:00:00.000Z')).toBe('2027-03-10T12:00:00.000Z');
    expect(expiryOf('2028-02-29T00:00:00.000Z')).toBe('2029-03-01T00:00:00.000Z');
  });

  it('needs enough random bytes', () => expect(() => base62From(new Uint8Array(3), 4)).toThrow());

  it('skips bytes that would favour some characters', () => {
    expect(base62From(Uint8Array.from([255, 248, 0, 61, 247]), 3)).toBe(
      '0z' + '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[247 % 62],
    );
  });
});
