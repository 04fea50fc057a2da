import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import {
  AUDIT_EVENTS,
  sortablePosition,
  type AuditEventDocument,
} from '@app/read-store/read-models/audit.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { ListOrganizationEventsQuery } from './list-organization-events.query';

@QueryHandler(ListOrganizationEventsQuery)
export class ListOrganizationEventsHandler implements IQueryHandler<ListOrganizationEventsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly consistency: ReadYourWrites,
  ) {}

  async execute({ organizationId, callerId, after, limit }: ListOrganizationEventsQuery) {
    await this.consistency.awaitOwnWrites(callerId);
    return this.readStore.find<AuditEventDocument>(
      AUDIT_EVENTS.name,
      { organizationId },
      {
        sort: [['position', 'asc']],
        limit,
        ...(after === null ? {} : { after: ['position', sortablePosition(after)] as const }),
      },
    );
  }
}
