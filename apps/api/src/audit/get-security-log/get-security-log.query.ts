import { Query } from '@nestjs/cqrs';
import type { SecurityLogDocument } from '@app/read-store/read-models/audit.read-model';

export class GetSecurityLogQuery extends Query<SecurityLogDocument[]> {
  constructor(readonly userId: string) {
    super();
  }
}
