import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
