import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import { SqliteDataKeyStore } from '@app/platform/data-keys/sqlite-data-key-store';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { REDACTED, toExportedEvent } from './export-history';

const EMAIL_HASH = 'dGhlLWtleWVkLWhhc2gtb2YtYW4tYWRkcmVzcy0xMjM0NQ';

describe('toExportedEvent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-'));
  const keys = new SqliteDataKeyStore(join(dir, 'keys.sqlite'));
  const ring = new DataKeyRing(keys, randomBytes(32));
  const codec = new PersonalDataCodec(ring);

  afterAll(async () => {
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const recorded = async (userId: string): Promise<RecordedEvent> => {
    await ring.getOrCreate(userId);
    const { type, data } = await codec.encode({
      type: 'AccountDeleted',
      data: { userId, deletedAt: '2026-01-01T00:00:00.000Z', emailHash: EMAIL_HASH },
    } as never);
    return {
      id: randomUUID(),
      stream: `account-${userId}`,
      revision: 3,
      position: 7n,
      type,
      data,
      metadata: { correlationId: 'c', causationId: 'c', actor: { type: 'user', id: userId } },
      recordedAt: '2026-01-01T00:00:00.000Z',
    };
  };

  it('given an AccountDeleted whose account still has its key, redacts the email hash', async () => {
    const event = await recorded(randomUUID());
    const exported = await toExportedEvent(event, codec);
    expect(exported.data.emailHash).toBe(REDACTED);
    expect(JSON.stringify(exported)).not.toContain(EMAIL_HASH);
  });

  it('given an AccountDeleted whose account was erased, prints the email hash as null', async () => {
    const userId = randomUUID();
    const event = await recorded(userId);
    await ring.destroy(userId);
    const exported = await toExportedEvent(event, codec);
    expect(exported.data).toEqual({
      userId,
      deletedAt: '2026-01-01T00:00:00.000Z',
      emailHash: null,
    });
  });
});
