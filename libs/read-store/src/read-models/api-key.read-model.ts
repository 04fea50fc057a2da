import type { CollectionDefinition } from '../read-store.port';

/** The key table: one document per live key, id = keyId. Deleted keys leave it. */
export type ApiKeyDocument = {
  readonly id: string;
  readonly organizationId: string;
  readonly ownerId: string;
  readonly description: string;
  readonly maskedKey: string;
  readonly createdAt: string;
  readonly expiresAt: string;
};

export const API_KEYS: CollectionDefinition = {
  name: 'api_keys_v1',
  indexes: [['organizationId', 'ownerId'], ['ownerId']],
};

/**
 * When each key was last used, to the minute. Written by the api instances, not the
 * projector: a use is not an event. The read store's position guard, fed the minute as the
 * position, keeps the latest value whichever instance writes last.
 */
export type ApiKeyUsageDocument = { readonly id: string; readonly lastUsedAt: string };

export const API_KEY_USAGE: CollectionDefinition = { name: 'api_key_usage_v1', indexes: [] };
