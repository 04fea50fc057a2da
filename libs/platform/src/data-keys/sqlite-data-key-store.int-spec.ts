import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aWrappedKey, describeDataKeyStoreContract } from './data-key-store.contract';
import { SqliteDataKeyStore } from './sqlite-data-key-store';

describeDataKeyStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-data-keys-'));
  const store = new SqliteDataKeyStore(join(dir, 'data-keys.sqlite'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteDataKeyStore', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-data-keys-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function filesContaining(needle: string): string[] {
    const bytes = Buffer.from(needle, 'utf8');
    return readdirSync(dir).filter((file) => readFileSync(join(dir, file)).indexOf(bytes) !== -1);
  }

  it('leaves no copy of a destroyed key in any file of the directory', async () => {
    const store = new SqliteDataKeyStore(join(dir, 'data-keys.sqlite'));
    const neighbours = Array.from({ length: 200 }, () => aWrappedKey());
    const doomed = aWrappedKey();
    for (const [index, key] of neighbours.entries()) {
      await store.create(`account-${index}`, key);
      if (index === 100) await store.create('doomed', doomed);
    }
    await store.close();
    const reopened = new SqliteDataKeyStore(join(dir, 'data-keys.sqlite'));
    expect(filesContaining(doomed)).not.toEqual([]);

    await reopened.destroy('doomed');
    expect(filesContaining(doomed)).toEqual([]);
    await reopened.close();

    expect(filesContaining(doomed)).toEqual([]);
    expect(filesContaining(neighbours[150]!)).not.toEqual([]);
  });

  it('leaves no copy when the key is destroyed before any checkpoint', async () => {
    const store = new SqliteDataKeyStore(join(dir, 'data-keys.sqlite'));
    const doomed = aWrappedKey();
    await store.create('doomed', doomed);
    expect(filesContaining(doomed)).not.toEqual([]);

    await store.destroy('doomed');
    // Checked while still open too: closing checkpoints the WAL anyway, a crash would not.
    expect(filesContaining(doomed)).toEqual([]);
    await store.close();

    expect(filesContaining(doomed)).toEqual([]);
  });

  it('keeps its keys across a reopen of the file', async () => {
    const file = join(dir, 'data-keys.sqlite');
    const key = aWrappedKey();
    const first = new SqliteDataKeyStore(file);
    await first.create('account-1', key);
    await first.close();

    const reopened = new SqliteDataKeyStore(file);

    expect(await reopened.get('account-1')).toBe(key);
    await reopened.close();
  });
});
