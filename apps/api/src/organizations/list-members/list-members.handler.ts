import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import { MEMBERS, type MemberDocument } from '@app/read-store/read-models/organization.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { ListMembersQuery } from './list-members.query';

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly consistency: ReadYourWrites,
  ) {}

  async execute({ organizationId, callerId }: ListMembersQuery) {
    await this.consistency.awaitOwnWrites(callerId);
    return this.readStore.find<MemberDocument>(
      MEMBERS.name,
      { organizationId },
      { sort: [['joinedAt', 'asc']] },
    );
  }
}
