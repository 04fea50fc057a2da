import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { loadSecrets } from '@app/platform/config/secrets';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { EMAIL_PURPOSE } from '@app/platform/credentials/session-token';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { EmailSalts } from '@app/platform/personal-data/email-salts';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { EMBEDDED_FILES } from '@app/platform/storage/storage';
import { sqliteRowsContainingAll } from './support/data-dir-scan';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { mongoUrl } from './support/mongo-test-database';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { readStoreUnderTest } from './support/read-store-under-test';

/**
 * API.md: after DELETE /me, "nothing left links the email to the former account". The
 * adversary holds the pepper, the master key and every file of DATA_DIR (and the read
 * store's database): from the address it computes the reservation stream's name, decrypts
 * what it can and follows every id; from the user id it reads the account's history. Before
 * the deletion this finds the link (so the adversary is able); afterwards it must not.
 */
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'erasure leaves nothing linking the email to the account (read store: %s)',
  (readStore) => {
    let service: TestService;
    let http: HttpClient;

    beforeAll(async () => {
      service = await startTestService({ readStore });
      http = httpClient(service.baseUrl);
    });
    afterAll(() => service.close());

    it('finds the link while the account lives, and none after its erasure', async () => {
      const user = await registerAndLogin(http);
      const email = user.email.trim().toLowerCase();
      await http.patch('/me', { firstName: 'Renamed' }, user.token);
      const orgId = (await http.post('/orgs', { name: 'Solo' }, user.token)).body.organizationId;
      await http.post(`/orgs/${orgId}/api-keys`, { description: 'CI' }, user.token);
      await http.post('/auth/login', { email: user.email, password: 'Wr0ng!Password' });

      const adversary = await adversaryOf(service);
      expect(await adversary.follow(email)).toBeGreaterThan(0);
      expect(await adversary.holdersOf(email)).toContain(user.userId);

      const deleted = await http.delete('/me', user.token, {
        confirmation: 'delete my account',
        password: user.password,
      });
      expect(deleted.status).toBe(204);
      await until(async () => (await service.projector.storage.dataKeys.get(user.userId)) === null);

      await until(async () => (await adversaryOf(service).then((a) => a.follow(email))) === 0);
      const after = await adversaryOf(service);
      // The address leads to no event at all: not even by the order of the log.
      expect(await after.follow(email)).toBe(0);
      expect(await after.holdersOf(email)).toEqual([]);
      expect(
        sqliteRowsContainingAll(service.dataDir, [after.hashOf(email)]).filter(
          (row) => !row.startsWith('attempts.sqlite'),
        ),
      ).toEqual([]);
      expect(await after.clearLinks(email, user.userId)).toEqual([]);
      expect(await after.sharedIds(email, user.userId)).toEqual([]);
      expect(await after.addressesReadableFrom(user.userId, email)).toEqual([]);
      if (readStore === 'mongo') {
        expect(await documentsContainingAll(service, [after.hashOf(email), user.userId])).toEqual(
          [],
        );
        const withHash = await documentsContainingAll(service, [after.hashOf(email)]);
        expect(withHash.filter((hit) => !hit.startsWith('attempts:'))).toEqual([]);
      }
    });
  },
);

async function adversaryOf(service: TestService) {
  const secrets = loadSecrets(service.config);
  const hasher = new SecretHasher(secrets.pepper);
  const codec = new PersonalDataCodec(
    new DataKeyRing(service.projector.storage.dataKeys, secrets.masterKey),
  );
  const events = await everyEvent(join(service.dataDir, EMBEDDED_FILES.events));
  const hashOf = (email: string) => hasher.hash(EMAIL_PURPOSE, email);
  const salts = new EmailSalts(service.projector.storage.dataKeys);
  /** Every stream the address leads to: the pepper's, and the salted one while its salt lasts. */
  const streamsOf = async (email: string) => {
    const salted = await salts.reservationOf(hashOf(email), { create: false });
    return [`email-${hashOf(email)}`, ...(salted ? [salted.stream] : [])];
  };
  let reservationStreams: string[] = [];
  const reservationEvents = (_email: string) =>
    events.filter((event) => reservationStreams.includes(event.stream));
  const mentioning = (userId: string) =>
    events.filter((event) => JSON.stringify(serialisable(event)).includes(userId));
  return {
    hashOf,
    /** Loads what the address leads to; call before the other questions. */
    async follow(email: string): Promise<number> {
      reservationStreams = await streamsOf(email);
      return reservationEvents(email).length;
    },
    /** Every user id the reservation stream of `email` yields, decrypted where a key exists. */
    async holdersOf(email: string): Promise<string[]> {
      const decoded = await Promise.all(reservationEvents(email).map((e) => codec.decode(e)));
      return decoded.flatMap((event) =>
        typeof event.data.userId === 'string' ? [event.data.userId] : [],
      );
    },
    /** Rows of any SQLite file that hold the address's hash, or the address, next to the id. */
    async clearLinks(email: string, userId: string): Promise<string[]> {
      return [
        ...sqliteRowsContainingAll(service.dataDir, [hashOf(email), userId]),
        ...sqliteRowsContainingAll(service.dataDir, [email, userId]),
      ];
    },
    /** Event ids, correlation or causation ids shared by the reservation and the account's events. */
    async sharedIds(email: string, userId: string): Promise<string[]> {
      const idsOf = (event: RecordedEvent) =>
        [event.id, event.metadata.correlationId, event.metadata.causationId].map(String);
      const reservationIds = new Set(reservationEvents(email).flatMap(idsOf));
      return mentioning(userId)
        .filter((event) => !event.stream.startsWith('email-'))
        .flatMap(idsOf)
        .filter((id) => reservationIds.has(id));
    },
    /** The address or its hash, as anything that names the id decodes to. */
    async addressesReadableFrom(userId: string, email: string): Promise<string[]> {
      const found: string[] = [];
      for (const event of mentioning(userId)) {
        const decoded = JSON.stringify((await codec.decode(event)).data);
        if (decoded.includes(email) || decoded.includes(hashOf(email))) {
          found.push(`${event.stream}#${event.revision} ${event.type}`);
        }
      }
      return found;
    },
  };
}

async function everyEvent(file: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore(file);
  try {
    const events: RecordedEvent[] = [];
    for (;;) {
      const batch = await store.readAll({ after: events.at(-1)?.position ?? 0n, limit: 1000 });
      events.push(...batch);
      if (batch.length < 1000) return events;
    }
  } finally {
    await store.close();
  }
}

const serialisable = (event: RecordedEvent) => ({ ...event, position: String(event.position) });

async function documentsContainingAll(
  service: TestService,
  needles: readonly string[],
): Promise<string[]> {
  const client = await MongoClient.connect(mongoUrl());
  try {
    const db = client.db(service.config.mongoDatabase);
    const hits: string[] = [];
    for (const { name } of await db.listCollections().toArray()) {
      for (const doc of await db.collection(name).find().toArray()) {
        const text = JSON.stringify(doc);
        if (needles.every((needle) => text.includes(needle))) hits.push(`${name}: ${text}`);
      }
    }
    return hits;
  } finally {
    await client.close();
  }
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out waiting for the erasure cascade');
}
