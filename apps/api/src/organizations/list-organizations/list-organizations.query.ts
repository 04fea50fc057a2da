import { Query } from '@nestjs/cqrs';
import type { MemberDocument } from '@app/read-store/read-models/organization.read-model';

export class ListOrganizationsQuery extends Query<MemberDocument[]> {
  constructor(readonly userId: string) {
    super();
  }
}
