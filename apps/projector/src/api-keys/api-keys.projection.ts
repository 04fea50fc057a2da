import type { ApiKeyEvent } from '@app/domain';
import { API_KEYS, type ApiKeyDocument } from '@app/read-store/read-models/api-key.read-model';
import type { ProjectedEvent, Projection } from '../projection';

/** The key table. The secret's hash stays in the event store: the table never needs it. */
export const apiKeysProjection: Projection<ApiKeyDocument> = {
  collection: API_KEYS,
  eventTypes: new Set<ApiKeyEvent['type']>(['ApiKeyIssued', 'ApiKeyRevoked', 'ApiKeyRolled']),
  documentIds: (event) => [String(event.data.keyId)],
  evolve: (doc, projected) => evolveApiKeyRow(doc, projected),
};

export function evolveApiKeyRow(
  doc: ApiKeyDocument | null,
  projected: ProjectedEvent,
): ApiKeyDocument | null {
  const event = projected as unknown as ApiKeyEvent;
  switch (event.type) {
    case 'ApiKeyIssued': {
      const { keyId, organizationId, ownerId, description, maskedKey, issuedAt, expiresAt } =
        event.data;
      return {
        id: keyId,
        organizationId,
        ownerId,
        description,
        maskedKey,
        createdAt: issuedAt,
        expiresAt,
      };
    }
    case 'ApiKeyRevoked':
      return null;
    case 'ApiKeyRolled': {
      // Both keys stay in the table; the old one expires when its grace period ends.
      if (!doc) return doc;
      const { graceEndsAt } = event.data;
      return Date.parse(graceEndsAt) < Date.parse(doc.expiresAt)
        ? { ...doc, expiresAt: graceEndsAt }
        : doc;
    }
    default:
      return doc;
  }
}
