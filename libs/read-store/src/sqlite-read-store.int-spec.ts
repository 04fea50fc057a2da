import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadStoreContract } from './read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';

describeReadStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-read-store-'));
  const store = new SqliteReadStore(join(dir, 'read-models.sqlite'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteReadStore', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-read-store-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps documents and checkpoints across a reopen of the file', async () => {
    const file = join(dir, 'read-models.sqlite');
    const first = new SqliteReadStore(file);
    await first.ensureCollection({ name: 'people_v1', indexes: [['team']] });
    await first.commit(
      [{ collection: 'people_v1', id: 'p1', doc: { id: 'p1', team: 'red' }, position: 4n }],
      { name: 'people', position: 4n },
    );
    await first.close();

    const reopened = new SqliteReadStore(file);

    expect(await reopened.find('people_v1', { team: 'red' })).toEqual([{ id: 'p1', team: 'red' }]);
    expect(await reopened.getCheckpoint('people')).toBe(4n);
    await reopened.close();
  });

  it('rolls the whole commit back when one change fails', async () => {
    const store = new SqliteReadStore(join(dir, 'read-models.sqlite'));
    await store.ensureCollection({ name: 'people_v1', indexes: [] });

    const commit = store.commit(
      [
        { collection: 'people_v1', id: 'p1', doc: { id: 'p1' }, position: 1n },
        { collection: 'never_ensured_v1', id: 'x', doc: { id: 'x' }, position: 1n },
      ],
      { name: 'people', position: 1n },
    );

    // Not `toThrow()`: better-sqlite3 binds its error class to the first test file's realm,
    // so in later files of the same worker its errors fail `instanceof Error`.
    await expect(commit).rejects.toMatchObject({ message: expect.stringMatching(/no such table/) });
    expect(await store.all('people_v1')).toEqual([]);
    expect(await store.getCheckpoint('people')).toBeNull();
    await store.close();
  });

  it('rejects collection names that are not [a-z0-9_]', async () => {
    const store = new SqliteReadStore(join(dir, 'read-models.sqlite'));

    await expect(store.ensureCollection({ name: 'People; DROP', indexes: [] })).rejects.toThrow(
      /Invalid collection name/,
    );
    await store.close();
  });

  it('uses the expression index for an indexed filter', async () => {
    const file = join(dir, 'read-models.sqlite');
    const store = new SqliteReadStore(file);
    await store.ensureCollection({ name: 'people_v1', indexes: [['team', 'role']] });
    await store.close();

    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT doc FROM doc_people_v1 WHERE json_extract(doc, '$.team') = ? " +
          "AND json_extract(doc, '$.role') = ? ORDER BY id ASC",
      )
      .all('red', 'dev') as { detail: string }[];
    db.close();

    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INDEX/);
  });
});
