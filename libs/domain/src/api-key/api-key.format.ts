/**
 * `ak_` + key id (16) + secret (43) + checksum (6), all base62: 68 characters that survive
 * copy-paste, URLs and double-click selection. The secret's 43 base62 characters carry 256
 * bits; the CRC-32 checksum lets a typo or a scanner's false positive be refused before any
 * lookup. Random characters arrive from outside: the domain has no randomness.
 */
export const API_KEY_PREFIX = 'ak_';
export const KEY_ID_LENGTH = 16;
export const SECRET_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SHAPE = new RegExp(
  `^${API_KEY_PREFIX}[0-9A-Za-z]{${KEY_ID_LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH}}$`,
);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++)
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function toBase62(value: number, width: number): string {
  let out = '';
  for (let rest = value; out.length < width; rest = Math.floor(rest / 62))
    out = BASE62[rest % 62] + out;
  return out;
}

/** Bytes at or above this are skipped: 248 = 4 × 62, so every character is equally likely. */
const UNBIASED_LIMIT = 248;

/** How many random bytes to supply for `length` characters: twice over, never short in practice. */
export const randomBytesFor = (length: number): number => length * 2;

/** Maps random bytes to base62 characters by rejection sampling, so no character is favoured. */
export function base62From(bytes: Uint8Array, length: number): string {
  let out = '';
  for (const byte of bytes) {
    if (out.length === length) break;
    if (byte < UNBIASED_LIMIT) out += BASE62[byte % 62];
  }
  if (out.length < length) throw new Error(`need more random bytes for ${length} characters`);
  return out;
}

export function formatApiKey(keyId: string, secret: string): string {
  const body = `${API_KEY_PREFIX}${keyId}${secret}`;
  return body + toBase62(crc32(body), CHECKSUM_LENGTH);
}

/** The key id and secret of a well-formed key with a valid checksum, else null. */
export function parseApiKey(key: string): { keyId: string; secret: string } | null {
  if (!SHAPE.test(key)) return null;
  const body = key.slice(0, -CHECKSUM_LENGTH);
  if (toBase62(crc32(body), CHECKSUM_LENGTH) !== key.slice(-CHECKSUM_LENGTH)) return null;
  const start = API_KEY_PREFIX.length;
  return {
    keyId: key.slice(start, start + KEY_ID_LENGTH),
    secret: key.slice(start + KEY_ID_LENGTH, -CHECKSUM_LENGTH),
  };
}

/** The table shows the public prefix and the last four characters: `ak_…Zx9Q`. */
export const maskApiKey = (key: string): string => `${API_KEY_PREFIX}…${key.slice(-4)}`;

/** One year of validity, on the calendar (a leap day rolls to 1 March). */
export function expiryOf(issuedAt: string): string {
  const expiry = new Date(issuedAt);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + 1);
  return expiry.toISOString();
}
