import { Query } from '@nestjs/cqrs';
import type { AuditEventDocument } from '@app/read-store/read-models/audit.read-model';

export class ListOrganizationEventsQuery extends Query<AuditEventDocument[]> {
  constructor(
    readonly organizationId: string,
    readonly callerId: string,
    readonly after: bigint | null,
    readonly limit: number,
  ) {
    super();
  }
}
