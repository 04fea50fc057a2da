import type { ApiKeyDocument } from '@app/read-store/read-models/api-key.read-model';

/** A row of the key table: never the key, only its mask. */
export interface ApiKeyRow {
  readonly id: string;
  readonly description: string;
  readonly maskedKey: string;
  readonly status: 'active' | 'expired';
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastUsedAt: string | null;
  /** Only in the organization-wide listing (`?owner=all`). */
  readonly ownerId?: string;
}

export const statusAt = (expiresAt: string, now: Date): 'active' | 'expired' =>
  Date.parse(expiresAt) > now.getTime() ? 'active' : 'expired';

export const apiKeyRow = (
  doc: ApiKeyDocument,
  lastUsedAt: string | null,
  now: Date,
): ApiKeyRow => ({
  id: doc.id,
  description: doc.description,
  maskedKey: doc.maskedKey,
  status: statusAt(doc.expiresAt, now),
  createdAt: doc.createdAt,
  expiresAt: doc.expiresAt,
  lastUsedAt,
});
