import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  apiKeyDecider,
  apiKeyStream,
  base62From,
  formatApiKey,
  KEY_ID_LENGTH,
  maskApiKey,
  membershipOf,
  organizationDecider,
  OrganizationNotFound,
  organizationStream,
  randomBytesFor,
  SECRET_LENGTH,
} from '@app/domain';
import { AggregateStore } from '@app/event-store/aggregate-store';
import type { EventMetadata } from '@app/event-store/event-store.port';
import { SecretHasher } from '@app/platform/credentials/secret-hasher';
import { API_KEY_PURPOSE } from '@app/platform/credentials/session-token';

export interface IssuedApiKey {
  readonly id: string;
  readonly description: string;
  /** The only time the key exists outside its owner's hands: answered once, never stored. */
  readonly key: string;
  readonly maskedKey: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly position: bigint | null;
}

export interface ApiKeyRequest {
  readonly organizationId: string;
  readonly ownerId: string;
  readonly description: string;
  readonly metadata: EventMetadata;
}

/**
 * The one way a key comes into being (creation, and any future roll): a fresh id and secret,
 * only the secret's HMAC recorded, and the key bound to its owner's current membership, read
 * from the organization's stream, so it dies with that membership whatever happens later.
 */
@Injectable()
export class ApiKeyIssuer {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly hasher: SecretHasher,
  ) {}

  async issue({ organizationId, ownerId, description, metadata }: ApiKeyRequest) {
    const organization = await this.aggregates.load(
      organizationStream(organizationId),
      organizationDecider,
    );
    const membership = membershipOf(organization.state, ownerId)?.epoch;
    if (membership === undefined) throw new OrganizationNotFound();
    const keyId = base62From(randomBytes(randomBytesFor(KEY_ID_LENGTH)), KEY_ID_LENGTH);
    const secret = base62From(randomBytes(randomBytesFor(SECRET_LENGTH)), SECRET_LENGTH);
    const key = formatApiKey(keyId, secret);
    const maskedKey = maskApiKey(key);
    const secretHash = this.hasher.hash(API_KEY_PURPOSE, secret);
    const now = new Date().toISOString();
    const result = await this.aggregates.handle(
      apiKeyStream(keyId),
      apiKeyDecider,
      () => ({
        type: 'IssueApiKey' as const,
        data: {
          keyId,
          organizationId,
          ownerId,
          description,
          secretHash,
          maskedKey,
          membership,
          now,
        },
      }),
      { expectedRevision: 'no_stream', metadata },
    );
    const issued = result.events[0];
    if (issued?.type !== 'ApiKeyIssued') throw new Error('IssueApiKey recorded no ApiKeyIssued');
    const { issuedAt: createdAt, expiresAt } = issued.data;
    const answer: IssuedApiKey = {
      id: keyId,
      description,
      key,
      maskedKey,
      createdAt,
      expiresAt,
      position: result.position,
    };
    return answer;
  }
}
