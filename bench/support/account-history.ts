import { randomUUID } from 'node:crypto';
import { accountStream, type AccountEvent } from '@app/domain';
import type { EventCodec } from '@app/event-store/event-codec';
import type { EventMetadata, EventStore, EventToAppend } from '@app/event-store/event-store.port';

/** Per account: registered, renamed 8 times, one password change; every 10th is deleted. */
const RENAMES_PER_ACCOUNT = 8;
const DELETE_EVERY = 10;
const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken'];
const FAKE_BCRYPT_HASH = `$2b$12$${'N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'}`;

export const HISTORY_SHAPE = `each account registered, renamed ${RENAMES_PER_ACCOUNT}x, 1 password change, 1 in ${DELETE_EVERY} deleted`;

export interface WrittenHistory {
  readonly events: number;
  readonly accounts: number;
  /** Accounts registered and not deleted: the profiles a full replay must end with. */
  readonly liveAccounts: number;
}

/**
 * Writes exactly `totalEvents` account events the way the api stores them (personal fields
 * encrypted by `codec`, one stream per account, metadata of a user request), but appends each
 * account's history in one call instead of going through the command loop, to seed fast.
 */
export async function writeAccountHistory(
  store: EventStore,
  codec: EventCodec,
  totalEvents: number,
): Promise<WrittenHistory> {
  let events = 0;
  let accounts = 0;
  let liveAccounts = 0;
  const clock = Date.parse('2025-01-01T00:00:00Z');
  while (events < totalEvents) {
    const userId = randomUUID();
    const history = accountHistory(userId, accounts, clock + accounts * 60_000).slice(
      0,
      totalEvents - events,
    );
    const metadata: EventMetadata = {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { type: 'user', id: userId },
    };
    const stored: EventToAppend[] = [];
    for (const event of history) {
      const encoded = await codec.encode(event);
      stored.push({ id: randomUUID(), type: encoded.type, data: encoded.data, metadata });
    }
    await store.append(accountStream(userId), stored, { expectedRevision: 'no_stream' });
    events += history.length;
    accounts += 1;
    if (history.at(-1)?.type !== 'AccountDeleted') liveAccounts += 1;
  }
  return { events, accounts, liveAccounts };
}

function accountHistory(userId: string, index: number, startMs: number): AccountEvent[] {
  const at = (second: number) => new Date(startMs + second * 1000).toISOString();
  const events: AccountEvent[] = [
    {
      type: 'AccountRegistered',
      data: {
        userId,
        email: `user${index}@example.com`,
        firstName: 'Ada',
        lastName: `Lovelace${index}`,
        passwordHash: FAKE_BCRYPT_HASH,
        registeredAt: at(0),
      },
    },
  ];
  for (let rename = 1; rename <= RENAMES_PER_ACCOUNT; rename++) {
    events.push({
      type: 'NameChanged',
      data: {
        userId,
        firstName: FIRST_NAMES[rename % FIRST_NAMES.length] as string,
        lastName: `Lovelace${index}`,
        changedAt: at(rename),
      },
    });
  }
  events.push({
    type: 'PasswordChanged',
    data: {
      userId,
      passwordHash: FAKE_BCRYPT_HASH,
      keptSessionId: randomUUID(),
      changedAt: at(RENAMES_PER_ACCOUNT + 1),
    },
  });
  if (index % DELETE_EVERY === DELETE_EVERY - 1) {
    events.push({
      type: 'AccountDeleted',
      data: {
        userId,
        deletedAt: at(RENAMES_PER_ACCOUNT + 2),
        emailHash: userId,
        organizationIds: [],
        apiKeyIds: [],
        sessionIds: [],
      },
    });
  }
  return events;
}
