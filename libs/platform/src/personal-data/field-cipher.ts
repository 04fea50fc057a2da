import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'pii1.';

/**
 * Encrypts one personal field with AES-256-GCM. The associated data binds the ciphertext to
 * its subject, event type and field, so a value cannot be moved to another account or field.
 */
export function encryptField(key: Buffer, context: string, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
  const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

export function decryptField(key: Buffer, context: string, stored: string): string {
  if (!stored.startsWith(PREFIX)) throw new Error('not an encrypted field');
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context)).setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([
    decipher.update(raw.subarray(12, raw.length - 16)),
    decipher.final(),
  ]).toString('utf8');
}

export const isEncryptedField = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(PREFIX);
