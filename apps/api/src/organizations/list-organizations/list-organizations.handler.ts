import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { MEMBERS, type MemberDocument } from '@app/read-store/read-models/organization.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { ListOrganizationsQuery } from './list-organizations.query';

@QueryHandler(ListOrganizationsQuery)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizationsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly consistency: ReadYourWrites,
  ) {}

  async execute({ userId }: ListOrganizationsQuery) {
    await this.consistency.awaitOwnWrites(userId);
    return this.readStore.find<MemberDocument>(
      MEMBERS.name,
      { userId },
      { sort: [['organizationName', 'asc']] },
    );
  }
}
