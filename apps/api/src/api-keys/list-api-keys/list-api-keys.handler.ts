import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import {
  API_KEY_USAGE,
  API_KEYS,
  type ApiKeyDocument,
  type ApiKeyUsageDocument,
} from '@app/read-store/read-models/api-key.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { ApiKeyUsage } from '../api-key-usage';
import { apiKeyRow } from '../api-key.view';
import { ListApiKeysQuery } from './list-api-keys.query';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly consistency: ReadYourWrites,
    private readonly usage: ApiKeyUsage,
  ) {}

  async execute({ organizationId, ownerId, callerId }: ListApiKeysQuery) {
    await this.consistency.awaitOwnWrites(callerId);
    const keys = await this.readStore.find<ApiKeyDocument>(
      API_KEYS.name,
      ownerId === null ? { organizationId } : { organizationId, ownerId },
      { sort: [['createdAt', 'desc']] },
    );
    const now = new Date();
    return Promise.all(
      keys.map(async (key) => {
        const used = await this.readStore.get<ApiKeyUsageDocument>(API_KEY_USAGE.name, key.id);
        const row = apiKeyRow(key, this.usage.lastUsedAt(key.id, used?.lastUsedAt ?? null), now);
        return ownerId === null ? { ...row, ownerId: key.ownerId } : row;
      }),
    );
  }
}
