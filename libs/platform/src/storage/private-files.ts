import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * DATA_DIR holds secrets, emails and names: only its owner may read it. The directory is
 * made mode 700 (also when it already existed) and each SQLite file 600 before SQLite opens
 * it; SQLite gives the `-wal` and `-shm` files it creates later the mode of their database.
 */
export function ensurePrivateDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  chmodSync(directory, 0o700);
}

/** Creates the file if need be, mode 600, and tightens the database's WAL files if present. */
export function privateFile(path: string): string {
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
  return path;
}
