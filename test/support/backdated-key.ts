import { randomBytes } from 'node:crypto';
import {
  apiKeyDecider,
  apiKeyStream,
  base62From,
  randomBytesFor,
  formatApiKey,
  KEY_ID_LENGTH,
  maskApiKey,
  membershipOf,
  organizationDecider,
  organizationStream,
  SECRET_LENGTH,
} from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import type { AppConfig } from '@app/platform/config/config';
import { loadSecrets } from '@app/platform/config/secrets';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { API_KEY_PURPOSE } from '@app/platform/credentials/session-token';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { openStorage } from '@app/platform/storage/storage';

/**
 * Issues a key through the real command path, with the clock set back: how a test meets a
 * key that is past its year without waiting a year.
 */
export async function issueBackdatedKey(
  config: AppConfig,
  organizationId: string,
  ownerId: string,
  issuedAt: Date,
): Promise<{ id: string; key: string }> {
  const storage = await openStorage(config);
  try {
    const secrets = loadSecrets(config);
    const codec = new PersonalDataCodec(new DataKeyRing(storage.dataKeys, secrets.masterKey));
    const keyId = base62From(randomBytes(randomBytesFor(KEY_ID_LENGTH)), KEY_ID_LENGTH);
    const secret = base62From(randomBytes(randomBytesFor(SECRET_LENGTH)), SECRET_LENGTH);
    const key = formatApiKey(keyId, secret);
    const aggregates = new AggregateStore(storage.eventStore, codec);
    const { state } = await aggregates.load(
      organizationStream(organizationId),
      organizationDecider,
    );
    await aggregates.handle(
      apiKeyStream(keyId),
      apiKeyDecider,
      () => ({
        type: 'IssueApiKey' as const,
        data: {
          keyId,
          organizationId,
          ownerId,
          description: 'Old key',
          secretHash: new SecretHasher(secrets.pepper).hash(API_KEY_PURPOSE, secret),
          maskedKey: maskApiKey(key),
          membership: membershipOf(state, ownerId)?.epoch,
          now: issuedAt.toISOString(),
        },
      }),
      {
        metadata: {
          correlationId: 'test',
          causationId: 'test',
          actor: { type: 'system', id: 'test' },
        },
      },
    );
    return { id: keyId, key };
  } finally {
    await storage.close();
  }
}
