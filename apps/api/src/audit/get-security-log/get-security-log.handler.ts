import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import {
  SECURITY_LOG,
  sortablePosition,
  type SecurityLogDocument,
} from '@app/read-store/read-models/audit.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { GetSecurityLogQuery } from './get-security-log.query';

@QueryHandler(GetSecurityLogQuery)
export class GetSecurityLogHandler implements IQueryHandler<GetSecurityLogQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly consistency: ReadYourWrites,
  ) {}

  async execute({ userId, before, limit }: GetSecurityLogQuery) {
    await this.consistency.awaitOwnWrites(userId);
    return this.readStore.find<SecurityLogDocument>(
      SECURITY_LOG.name,
      { userId },
      {
        sort: [['position', 'desc']],
        limit,
        ...(before === null ? {} : { before: ['position', sortablePosition(before)] as const }),
      },
    );
  }
}
