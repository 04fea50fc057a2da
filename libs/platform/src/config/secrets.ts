import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config';
import { ensurePrivateDirectory } from '../storage/private-files';

export interface Secrets {
  /** Key of every HMAC over credentials and emails. */
  readonly pepper: Buffer;
  /** Wraps the per-account data keys. */
  readonly masterKey: Buffer;
}

/**
 * The distributed profile takes its secrets from configuration. The embedded one generates
 * them into DATA_DIR on first start (owner-only), so `npm start` needs nothing else.
 */
export function loadSecrets(config: AppConfig): Secrets {
  if (config.pepper && config.masterKey) {
    return {
      pepper: Buffer.from(config.pepper, 'base64'),
      masterKey: Buffer.from(config.masterKey, 'base64'),
    };
  }
  ensurePrivateDirectory(config.dataDir);
  const file = join(config.dataDir, 'secrets.json');
  if (!existsSync(file)) {
    const generated = {
      pepper: randomBytes(32).toString('base64'),
      masterKey: randomBytes(32).toString('base64'),
    };
    // Written aside then linked: link() is atomic and fails if another process won the race,
    // so no reader ever sees a half-written file.
    const draft = `${file}.${process.pid}.tmp`;
    writeFileSync(draft, JSON.stringify(generated), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { pepper: string; masterKey: string };
  return {
    pepper: Buffer.from(config.pepper ?? stored.pepper, 'base64'),
    masterKey: Buffer.from(config.masterKey ?? stored.masterKey, 'base64'),
  };
}

export const SECRETS = Symbol('SECRETS');
