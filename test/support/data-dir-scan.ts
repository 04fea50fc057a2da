import Database from 'better-sqlite3';
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

/**
 * Rows of every SQLite file under a directory (WAL included, as SQLite reads it) whose
 * values, taken together, contain every one of `needles`: one row tying them to each other.
 */
export function sqliteRowsContainingAll(directory: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      hits.push(...sqliteRowsContainingAll(path, needles));
      continue;
    }
    if (!name.endsWith('.sqlite')) continue;
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const tables = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all();
      for (const { name: table } of tables) {
        for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate()) {
          const text = JSON.stringify(row);
          if (needles.every((needle) => text.includes(needle)))
            hits.push(`${name}/${table}: ${text}`);
        }
      }
    } finally {
      db.close();
    }
  }
  return hits;
}
