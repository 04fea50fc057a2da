import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';

/** Every file under a directory whose bytes contain one of the needles (UTF-8 or UTF-16LE). */
export function filesContaining(directory: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      hits.push(...filesContaining(path, needles));
      continue;
    }
    const bytes = readFileSync(path);
    for (const needle of needles) {
      if (
        bytes.includes(Buffer.from(needle, 'utf8')) ||
        bytes.includes(Buffer.from(needle, 'utf16le'))
      ) {
        hits.push(`${name}: ${needle}`);
      }
    }
  }
  return hits;
}

/**
 * What the service would store for these credentials (HMAC under the deployment's pepper):
 * the needles that prove no hash of a recovery code or token outlived an erasure.
 */
export function storedHashesOf(config: AppConfig, purpose: string, values: readonly string[]) {
  const hasher = new SecretHasher(loadSecrets(config).pepper);
  return values.map((value) => hasher.hash(purpose, value));
}
