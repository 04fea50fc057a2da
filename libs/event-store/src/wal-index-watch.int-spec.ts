import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from './sqlite-event-store';
import { WalIndexWatch } from './wal-index-watch';

/** POSIX locks this process holds on the file (Linux: /proc/locks). */
function posixLocksOn(file: string): number {
  const { ino } = statSync(file);
  return readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[1] === 'POSIX' && fields[4] === String(process.pid))
    .filter((fields) => fields[5]?.endsWith(`:${ino}`)).length;
}

/** Descriptors this process has open on the file. */
function openDescriptorsOf(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

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
    watched.close();
    other.close();
    watch.close();
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

  it('given two stores on one file, closing one keeps the locks the other connection holds, and the last closes the file', async () => {
    const shared = join(dir, 'shared.sqlite');
    const [first, second] = [new SqliteEventStore(shared), new SqliteEventStore(shared)];
    first.changeToken?.();
    second.changeToken?.();
    const shm = `${shared}-shm`;
    expect(posixLocksOn(shm)).toBeGreaterThan(0);
    const descriptors = openDescriptorsOf(shm);
    await second.close();
    // POSIX locks belong to the process: closing a descriptor of the file would drop the
    // locks `first`'s connection holds (SQLite's "dead man switch" among them).
    expect(posixLocksOn(shm)).toBeGreaterThan(0);
    // SQLite's own descriptor, and the one both watches share.
    expect(descriptors).toBe(2);
    expect(openDescriptorsOf(shm)).toBe(2);
    await first.close();
    expect(openDescriptorsOf(shm)).toBe(0);
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
