import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountStream, type AccountEvent } from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import type { DomainEvent, EventCodec } from '@app/event-store/event-codec';
import type {
  EventToAppend,
  ExpectedRevision,
  RecordedEvent,
} from '@app/event-store/event-store.port';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { ChangeNameCommand } from './change-name.command';
import { ChangeNameHandler } from './change-name.handler';

const plain: EventCodec = {
  encode: async (event: DomainEvent) => event,
  decode: async (event: RecordedEvent) => ({ type: event.type, data: event.data }),
};
const metadata = {
  correlationId: 'c',
  causationId: 'c',
  actor: { type: 'system', id: 't' },
} as const;

/**
 * The real SQLite store, where another process (a second connection to the same file) slips
 * one event onto the account stream just before this process's next append: the append then
 * conflicts on the stream revision, as it does when a login on another instance lands between
 * a rename's load and its append.
 */
class RacedEventStore extends SqliteEventStore {
  private readonly racing: AccountEvent[] = [];
  constructor(
    file: string,
    private readonly other: SqliteEventStore,
  ) {
    super(file);
  }
  raceNextAppendWith(event: AccountEvent): void {
    this.racing.push(event);
  }
  override async append(
    stream: string,
    events: readonly EventToAppend[],
    options: { readonly expectedRevision: ExpectedRevision },
  ) {
    const racer = this.racing.shift();
    if (racer)
      await this.other.append(stream, [{ id: randomUUID(), ...racer, metadata }], {
        expectedRevision: 'any',
      });
    return super.append(stream, events, options);
  }
}

describe('ChangeNameHandler against a concurrent writer (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'change-name-'));
  const other = new SqliteEventStore(join(dir, 'events.sqlite'));
  const store = new RacedEventStore(join(dir, 'events.sqlite'), other);
  const handler = new ChangeNameHandler(new AggregateStore(store, plain));
  afterAll(async () => {
    await store.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function registered(): Promise<string> {
    const userId = randomUUID();
    const event: AccountEvent = {
      type: 'AccountRegistered',
      data: {
        userId,
        email: `${userId}@example.com`,
        firstName: 'Ada',
        lastName: 'Lovelace',
        passwordHash: 'h',
        registeredAt: '2026-01-01T00:00:00.000Z',
      },
    };
    await other.append(accountStream(userId), [{ id: randomUUID(), ...event, metadata }], {
      expectedRevision: 'no_stream',
    });
    return userId;
  }
  const rename = (userId: string, firstName: string, ifMatch?: number) =>
    handler.execute(new ChangeNameCommand(userId, { firstName }, ifMatch, metadata));
  const streamTypes = async (userId: string) =>
    (await other.readStream(accountStream(userId))).map((event) => event.type);

  it('given a login that lands between the load and the append, retries and renames (no 412)', async () => {
    const userId = await registered();
    store.raceNextAppendWith({
      type: 'TwoFactorCodeUsed',
      data: { userId, step: 7, usedAt: '2026-01-02T00:00:00.000Z' },
    });
    const result = await rename(userId, 'Augusta', 0);
    expect(result.profileRevision).toBe(1);
    expect(result.account.firstName).toBe('Augusta');
    expect(await streamTypes(userId)).toEqual([
      'AccountRegistered',
      'TwoFactorCodeUsed',
      'NameChanged',
    ]);
  });

  it('given a rename that lands between the load and the append, answers stale and appends nothing', async () => {
    const userId = await registered();
    store.raceNextAppendWith({
      type: 'NameChanged',
      data: {
        userId,
        firstName: 'Grace',
        lastName: 'Hopper',
        changedAt: '2026-01-02T00:00:00.000Z',
      },
    });
    await expect(rename(userId, 'Augusta', 0)).rejects.toMatchObject({ code: 'STALE_REVISION' });
    expect(await streamTypes(userId)).toEqual(['AccountRegistered', 'NameChanged']);
  });

  it('given a rename that lands meanwhile and no If-Match, retries and records both', async () => {
    const userId = await registered();
    store.raceNextAppendWith({
      type: 'NameChanged',
      data: {
        userId,
        firstName: 'Grace',
        lastName: 'Hopper',
        changedAt: '2026-01-02T00:00:00.000Z',
      },
    });
    const result = await rename(userId, 'Augusta');
    expect(result.profileRevision).toBe(2);
    expect(await streamTypes(userId)).toEqual(['AccountRegistered', 'NameChanged', 'NameChanged']);
  });
});
