import { Query } from '@nestjs/cqrs';
import type { ApiKeyRow } from '../api-key.view';

export class ListApiKeysQuery extends Query<ApiKeyRow[]> {
  constructor(
    readonly organizationId: string,
    /** Whose keys; null for every key of the organization (rows then carry ownerId). */
    readonly ownerId: string | null,
    readonly callerId: string,
  ) {
    super();
  }
}
