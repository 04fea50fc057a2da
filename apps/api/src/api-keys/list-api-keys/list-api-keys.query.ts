import { Query } from '@nestjs/cqrs';
import type { ApiKeyRow } from '../api-key.view';

export class ListApiKeysQuery extends Query<ApiKeyRow[]> {
  constructor(
    readonly organizationId: string,
    readonly ownerId: string,
  ) {
    super();
  }
}
