import { Query } from '@nestjs/cqrs';
import type { MemberDocument } from '@app/read-store/read-models/organization.read-model';

export class ListMembersQuery extends Query<MemberDocument[]> {
  constructor(
    readonly organizationId: string,
    readonly callerId: string,
  ) {
    super();
  }
}
