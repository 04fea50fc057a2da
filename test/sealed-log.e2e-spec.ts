import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import { chain } from '@app/event-store/integrity';
import { isSeal, parseSealCheckpoint, SEAL_STREAM, type SealData } from '@app/event-store/seal';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { EMBEDDED_FILES } from '@app/platform/storage/storage';
import { verifyIntegrity } from '../apps/audit/src/verify-integrity';
import { printSealHead } from '../apps/audit/src/seal-head';
import { httpClient, registerAndLogin } from './support/http-client';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { readStoreUnderTest } from './support/read-store-under-test';

const AUDIT_MAIN = resolve(__dirname, '../dist/apps/audit/src/main.js');

type Tamper = (db: Database.Database) => void;

/**
 * API.md: `audit verify` fails on a changed, inserted, reordered or deleted event anywhere
 * before the last seal, naming it; with `--head` (from `audit head`) a log cut short fails
 * too. The service runs with a seal every 25 events; the log is then copied and each copy
 * tampered with one single change, as someone with write access to the file could.
 */
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'the sealed log (read store: %s)',
  (readStore) => {
    let service: TestService;
    const scratch = mkdtempSync(join(tmpdir(), 'sealed-log-'));
    let original: string;
    let events: RecordedEvent[];
    let head: string;

    beforeAll(async () => {
      service = await startTestService({ readStore, env: { SEAL_MAX_EVENTS: '25' } });
      const http = httpClient(service.baseUrl);
      for (let person = 0; person < 5; person++) {
        const user = await registerAndLogin(http);
        for (let rename = 0; rename < 12; rename++) {
          await http.patch('/me', { firstName: `Name${rename}` }, user.token);
        }
      }
      await sealEverything(service);
      original = join(scratch, 'original.sqlite');
      await copyLog(service, original);
      events = await readAll(original);
      head = await headOf(original);
    }, 60_000);
    afterAll(async () => {
      await service.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('verifies the untouched log, several seals, up to its head', async () => {
      expect(events.filter(isSeal).length).toBeGreaterThanOrEqual(3);
      expect(events.at(-1)?.stream).toBe(SEAL_STREAM);
      const { code, output } = await verifyCopy(() => undefined, head);
      expect(output).toMatch(/^OK: .* seals cover positions up to/);
      expect(code).toBe(0);
    });

    const sealed = () => events.filter((event) => !isSeal(event));
    const positionOf = (event: RecordedEvent | undefined) => Number(event?.position);
    /** A stream of one person's renames, wholly sealed: at least 13 events. */
    const accountStream = () =>
      events.filter(
        (event) => event.stream.startsWith('account-') && event.stream === sealed()[1]?.stream,
      );
    const seals = () => events.filter(isSeal);

    const cases: [string, () => { tamper: Tamper; spot: RegExp }][] = [
      ['deleting the first event of the log', () => deleting(events[0])],
      [
        'deleting an event in the middle of the log',
        () => deleting(sealed()[Math.floor(sealed().length / 2)]),
      ],
      ['deleting the last sealed event of the log', () => deleting(sealed().at(-1))],
      ['deleting the first event of a stream', () => deleting(accountStream()[0])],
      ['deleting an event in the middle of a stream', () => deleting(accountStream()[5])],
      ['deleting the last event of a stream', () => deleting(accountStream().at(-1))],
      ['deleting a seal in the middle', () => deleting(seals()[1])],
      ['altering the first event of the log', () => altering(events[0])],
      ['altering the last event of a stream', () => altering(accountStream().at(-1))],
      ['altering a seal', () => altering(seals()[0])],
      [
        'inserting a well-chained event of a new stream in the middle',
        () => inserting(positionOf(sealed()[10]), newStreamEvent()),
      ],
      [
        'inserting a well-chained event at the end of a stream',
        () => inserting(positionOf(accountStream().at(-1)), nextInStream(accountStream().at(-1))),
      ],
      [
        'reordering two events of different streams in the middle',
        () => swapping(...neighboursOfTwoStreams(Math.floor(sealed().length / 2))),
      ],
      ['reordering the first two events of the log', () => swapping(events[0], events[1])],
      ['reordering events across a seal', () => swapping(lastCoveredBy(seals()[1]), seals()[1])],
    ];

    it.each(cases)('fails on %s and names the spot', async (_, make) => {
      const { tamper, spot } = make();
      const { code, output } = await verifyCopy(tamper);
      expect(output).toMatch(/^FAILED: /);
      expect(output).toMatch(spot);
      expect(code).toBe(1);
    });

    it('fails with --head on a log cut short below that head, though the rest verifies', async () => {
      const last = events.at(-1) as RecordedEvent;
      const cut: Tamper = (db) =>
        db.prepare('DELETE FROM events WHERE position = ?').run(Number(last.position));
      expect((await verifyCopy(cut)).code).toBe(0);
      const withHead = await verifyCopy(cut, head);
      expect(withHead.output).toMatch(new RegExp(`no seal at position ${last.position}`));
      expect(withHead.code).toBe(1);
    });

    it('answers head and verify --head on the command line', () => {
      const env = { ...process.env, DATA_DIR: service.dataDir, ...storeEnv(service) };
      const printed = spawnSync(process.execPath, [AUDIT_MAIN, 'head'], { env, encoding: 'utf8' });
      expect(printed.status).toBe(0);
      expect(parseSealCheckpoint(printed.stdout)).not.toBeNull();
      const verified = spawnSync(
        process.execPath,
        [AUDIT_MAIN, 'verify', '--head', printed.stdout.trim()],
        {
          env,
          encoding: 'utf8',
        },
      );
      expect(verified.stdout).toMatch(/^OK: /);
      expect(verified.status).toBe(0);
    });

    async function verifyCopy(
      tamper: Tamper,
      withHead?: string,
    ): Promise<{ code: number; output: string }> {
      const file = join(scratch, `copy-${Math.random().toString(36).slice(2)}.sqlite`);
      copyFileSync(original, file);
      const db = new Database(file);
      db.transaction(() => tamper(db))();
      db.close();
      const store = new SqliteEventStore(file);
      let output = '';
      try {
        const checkpoint =
          withHead === undefined ? undefined : (parseSealCheckpoint(withHead) ?? undefined);
        const code = await verifyIntegrity(
          { eventStore: store },
          { write: async (text) => void (output += text) },
          { head: checkpoint },
        );
        return { code, output };
      } finally {
        await store.close();
        rmSync(file, { force: true });
      }
    }

    /** Two adjacent events of different streams, from `index` on. */
    function neighboursOfTwoStreams(index: number): [RecordedEvent, RecordedEvent] {
      const all = sealed();
      for (let at = index; at + 1 < all.length; at++) {
        const [first, second] = [all[at], all[at + 1]];
        if (
          first &&
          second &&
          first.stream !== second.stream &&
          second.position === first.position + 1n
        )
          return [first, second];
      }
      throw new Error('no two adjacent events of different streams');
    }

    function lastCoveredBy(seal: RecordedEvent | undefined): RecordedEvent | undefined {
      const upTo = BigInt((seal?.data as unknown as SealData).upTo);
      return events.find((event) => event.position === upTo);
    }

    function newStreamEvent(): Omit<RecordedEvent, 'position' | 'recordedAt'> {
      const [forged] = chain(
        [
          {
            id: 'forged-1',
            stream: 'apikey-forged',
            revision: 0,
            type: 'ApiKeyIssued',
            data: { keyId: 'forged' },
            metadata: { correlationId: 'x', causationId: 'x', actor: { type: 'system', id: 'x' } },
          },
        ],
        null,
      );
      return forged as Omit<RecordedEvent, 'position' | 'recordedAt'>;
    }

    function nextInStream(
      last: RecordedEvent | undefined,
    ): Omit<RecordedEvent, 'position' | 'recordedAt'> {
      const previous = last as RecordedEvent;
      const [forged] = chain(
        [
          {
            id: 'forged-2',
            stream: previous.stream,
            revision: previous.revision + 1,
            type: 'NameChanged',
            data: { userId: 'x' },
            metadata: { correlationId: 'x', causationId: 'x', actor: { type: 'system', id: 'x' } },
          },
        ],
        String(previous.metadata.hash),
      );
      return forged as Omit<RecordedEvent, 'position' | 'recordedAt'>;
    }
  },
);

function spotOf(event: RecordedEvent): RegExp {
  // The event itself, its stream, or the sealed range that holds it.
  return new RegExp(`position ${event.position}\\b|${event.stream}`);
}

function deleting(event: RecordedEvent | undefined): { tamper: Tamper; spot: RegExp } {
  const target = event as RecordedEvent;
  return {
    tamper: (db) =>
      db.prepare('DELETE FROM events WHERE position = ?').run(Number(target.position)),
    spot: spotOf(target),
  };
}

function altering(event: RecordedEvent | undefined): { tamper: Tamper; spot: RegExp } {
  const target = event as RecordedEvent;
  return {
    tamper: (db) =>
      db
        .prepare(`UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE position = ?`)
        .run(Number(target.position)),
    spot: new RegExp(`position ${target.position}\\b`),
  };
}

/** Shifts every later event up by one (positions are dense) and stores `event` in the gap. */
function inserting(
  after: number,
  event: Omit<RecordedEvent, 'position' | 'recordedAt'>,
): { tamper: Tamper; spot: RegExp } {
  return {
    tamper: (db) => {
      db.prepare('UPDATE events SET position = -position - 1 WHERE position > ?').run(after);
      db.prepare('UPDATE events SET position = -position WHERE position < 0').run();
      db.prepare(
        'INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        after + 1,
        event.id,
        event.stream,
        event.revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        new Date().toISOString(),
      );
    },
    spot: new RegExp(`${event.stream} .*inserted|stream ${event.stream} ends at revision`),
  };
}

function swapping(
  first: RecordedEvent | undefined,
  second: RecordedEvent | undefined,
): { tamper: Tamper; spot: RegExp } {
  const [a, b] = [Number(first?.position), Number(second?.position)];
  return {
    tamper: (db) => {
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a, b);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b);
    },
    spot: new RegExp(
      `position (${a}|${b})\\b|positions \\d+\\.\\.\\d+|${first?.stream}|${second?.stream}`,
    ),
  };
}

/** Seals until the log's last event is a seal that covers everything before it. */
async function sealEverything(service: TestService): Promise<void> {
  const store = service.projector.storage.eventStore;
  for (let attempt = 0; attempt < 500; attempt++) {
    await service.projector.sealer.sealNow();
    const headPosition = await store.headPosition();
    const [last] = await store.readAll({ after: headPosition - 1n, limit: 1 });
    if (
      last &&
      isSeal(last) &&
      BigInt((last.data as unknown as SealData).upTo) === headPosition - 1n
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the sealer never covered the whole log');
}

async function copyLog(service: TestService, target: string): Promise<void> {
  const db = new Database(join(service.dataDir, EMBEDDED_FILES.events), { readonly: true });
  await db.backup(target);
  db.close();
}

async function readAll(file: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore(file);
  try {
    return await store.readAll({ limit: 100_000 });
  } finally {
    await store.close();
  }
}

async function headOf(file: string): Promise<string> {
  const store = new SqliteEventStore(file);
  let printed = '';
  try {
    await printSealHead({ eventStore: store }, { write: async (text) => void (printed += text) });
    return printed.trim();
  } finally {
    await store.close();
  }
}

/**
 * The environment of the service's own processes, for the audit CLI: with a MongoDB read store
 * the CLI opens it too, and the distributed profile refuses to start without the service's
 * PEPPER and MASTER_KEY (those of readStoreEnv, which startTestService passed to the service).
 */
function storeEnv(service: TestService): Record<string, string> {
  const { config } = service;
  return config.readStore === 'mongo'
    ? {
        READ_STORE: 'mongo',
        MONGO_URL: String(config.mongoUrl),
        MONGO_DATABASE: config.mongoDatabase,
        PEPPER: String(config.pepper),
        MASTER_KEY: String(config.masterKey),
      }
    : {};
}
