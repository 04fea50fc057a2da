import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'pii1.';
const ENVELOPE_PREFIX = 'pii2.';
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Encrypts one personal field with AES-256-GCM. The associated data binds the ciphertext to
 * its subject, event type and field, so a value cannot be moved to another account or field.
 */
export function encryptField(key: Buffer, context: string, value: string): string {
  return PREFIX + seal(key, context, Buffer.from(value, 'utf8'));
}

export function decryptField(key: Buffer, context: string, stored: string): string {
  if (!stored.startsWith(PREFIX)) throw new Error('not an encrypted field');
  return open(key, context, stored.slice(PREFIX.length)).toString('utf8');
}

export const isEncryptedField = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(PREFIX);

/**
 * Encrypts several personal fields of one event in one AES-256-GCM envelope: one cipher
 * instead of one per field. The field names stay readable in front of the ciphertext (they
 * are not personal), so an erased event still shows which fields it held; the associated
 * data binds the ciphertext to the subject, the event type and that list of names.
 */
export function sealFields(
  key: Buffer,
  context: string,
  fields: Readonly<Record<string, string>>,
): string {
  const names = Object.keys(fields);
  for (const name of names)
    if (!FIELD_NAME.test(name)) throw new Error(`cannot seal field "${name}"`);
  const list = names.join(',');
  const plaintext = Buffer.from(JSON.stringify(fields), 'utf8');
  return `${ENVELOPE_PREFIX}${list}.${seal(key, `${context}|${list}`, plaintext)}`;
}

/** The names of the fields an envelope holds, readable without the key. */
export function envelopeFieldNames(stored: string): string[] {
  const { list } = splitEnvelope(stored);
  return list ? list.split(',') : [];
}

export function openFields(key: Buffer, context: string, stored: string): Record<string, string> {
  const { list, sealed } = splitEnvelope(stored);
  const fields = JSON.parse(open(key, `${context}|${list}`, sealed).toString('utf8')) as Record<
    string,
    string
  >;
  return fields;
}

export const isSealedEnvelope = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);

function splitEnvelope(stored: string): { list: string; sealed: string } {
  if (!stored.startsWith(ENVELOPE_PREFIX)) throw new Error('not a personal-data envelope');
  const dot = stored.indexOf('.', ENVELOPE_PREFIX.length);
  if (dot < 0) throw new Error('malformed personal-data envelope');
  return { list: stored.slice(ENVELOPE_PREFIX.length, dot), sealed: stored.slice(dot + 1) };
}

const IV_BYTES = 12;
const IV_POOL_BYTES = IV_BYTES * 1024;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

/** Fresh random IVs, drawn from the CSPRNG a thousand at a time (one call per IV is costly). */
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivPool.fill(0, ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

function seal(key: Buffer, context: string, plaintext: Buffer): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

function open(key: Buffer, context: string, encoded: string): Buffer {
  const raw = Buffer.from(encoded, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context)).setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
}
