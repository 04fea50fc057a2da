import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WalIndexWatch } from './wal-index-watch';

function openWal(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS t (n INTEGER)');
  return db;
}

/** The pragma itself, on the watched connection: what the watch must always agree with. */
function dataVersionOf(db: Database.Database): number {
  return db.pragma('data_version', { simple: true }) as number;
}

describe('WalIndexWatch', () => {
  let dir: string;
  let file: string;
  let watched: Database.Database;
  let other: Database.Database;
  let watch: WalIndexWatch;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-index-'));
    file = join(dir, 'events.sqlite');
    watched = openWal(file);
    other = openWal(file);
    watch = new WalIndexWatch(watched);
  });

  afterEach(() => {
    watch.close();
    watched.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the header while nothing is committed, without the pragma', () => {
    const token = watch.dataVersion();
    const pragmas = watch.pragmaReads;
    for (let index = 0; index < 100; index++) expect(watch.dataVersion()).toBe(token);
    expect(watch.pragmaReads).toBe(pragmas);
  });

  it('moves on every commit by another connection, and not on its own', () => {
    let token = watch.dataVersion();
    for (let index = 0; index < 20; index++) {
      other.prepare('INSERT INTO t VALUES (?)').run(index);
      const next = watch.dataVersion();
      expect(next).not.toBe(token);
      token = next;
      watched.prepare('INSERT INTO t VALUES (?)').run(index);
      expect(watch.dataVersion()).toBe(token);
    }
  });

  it('agrees with the pragma through commits, checkpoints and WAL resets in any order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const checkpoints = ['PASSIVE', 'FULL', 'RESTART', 'TRUNCATE'];
    for (let step = 0; step < 2_000; step++) {
      const roll = random();
      if (roll < 0.4) other.prepare('INSERT INTO t VALUES (?)').run(step);
      else if (roll < 0.5) watched.prepare('INSERT INTO t VALUES (?)').run(step);
      else if (roll < 0.6) {
        const mode = checkpoints[Math.floor(random() * checkpoints.length)];
        (random() < 0.5 ? other : watched).pragma(`wal_checkpoint(${mode})`);
      }
      expect(watch.dataVersion()).toBe(dataVersionOf(watched));
    }
    // The header did answer most of the unchanged reads.
    expect(watch.pragmaReads).toBeLessThan(2_000);
  });

  it('sees a commit made by another process', () => {
    const token = watch.dataVersion();
    execFileSync(process.execPath, [
      '-e',
      `const Database = require('better-sqlite3');
       const db = new Database(process.argv[1]);
       db.prepare('INSERT INTO t VALUES (1)').run();
       db.close();`,
      file,
    ]);
    expect(watch.dataVersion()).not.toBe(token);
    expect(watch.dataVersion()).toBe(dataVersionOf(watched));
  });

  it('falls back to the pragma where there is no wal-index', () => {
    const memory = new Database(':memory:');
    const inMemory = new WalIndexWatch(memory);
    try {
      inMemory.dataVersion();
      inMemory.dataVersion();
      expect(inMemory.pragmaReads).toBe(2);
    } finally {
      inMemory.close();
      memory.close();
    }
  });
});
