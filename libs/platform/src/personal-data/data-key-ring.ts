import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKeyStore } from '../data-keys/data-key-store.port';

const MAX_REMEMBERED_DESTROYED = 100_000;

/**
 * Per-account data keys: generated on first use, stored wrapped by the master key (AES-256-GCM,
 * bound to the subject id), and kept unwrapped in memory. Only present keys are cached, so a
 * key destroyed by another process is never resurrected from here; `forget` drops a
 * destroyed key from this process at once.
 */
export class DataKeyRing {
  private readonly unwrapped = new Map<string, Buffer>();
  /** Subjects whose key was found destroyed while opening data sealed under it (bounded). */
  private readonly destroyed = new Set<string>();

  constructor(
    private readonly store: DataKeyStore,
    private readonly masterKey: Buffer,
  ) {}

  async getOrCreate(subjectId: string): Promise<Buffer> {
    const cached = this.unwrapped.get(subjectId);
    if (cached) return cached;
    const wrapped = await this.store.create(subjectId, this.wrap(subjectId, randomBytes(32)));
    return this.remember(subjectId, this.unwrap(subjectId, wrapped));
  }

  /** The subject's key, or null once it was destroyed (its data is erased). */
  async find(subjectId: string): Promise<Buffer | null> {
    const cached = this.unwrapped.get(subjectId);
    if (cached) return cached;
    const wrapped = await this.store.get(subjectId);
    return wrapped ? this.remember(subjectId, this.unwrap(subjectId, wrapped)) : null;
  }

  /**
   * The key of data already sealed under it, or null once it was destroyed. Such a key
   * existed when the data was written, so its absence is final and is remembered: a replay
   * does not ask the store again for every event of every erased account.
   */
  async findToOpen(subjectId: string): Promise<Buffer | null> {
    if (this.destroyed.has(subjectId)) return null;
    const key = await this.find(subjectId);
    if (key === null) {
      if (this.destroyed.size >= MAX_REMEMBERED_DESTROYED) this.destroyed.clear();
      this.destroyed.add(subjectId);
    }
    return key;
  }

  async destroy(subjectId: string): Promise<void> {
    this.forget(subjectId);
    await this.store.destroy(subjectId);
  }

  forget(subjectId: string): void {
    this.unwrapped.get(subjectId)?.fill(0);
    this.unwrapped.delete(subjectId);
  }

  private remember(subjectId: string, key: Buffer): Buffer {
    this.unwrapped.set(subjectId, key);
    return key;
  }

  private wrap(subjectId: string, key: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv).setAAD(Buffer.from(subjectId));
    const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64');
  }

  private unwrap(subjectId: string, wrapped: string): Buffer {
    const raw = Buffer.from(wrapped, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(subjectId)).setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  }
}
