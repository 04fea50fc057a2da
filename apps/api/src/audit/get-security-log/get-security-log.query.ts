import { Query } from '@nestjs/cqrs';
import type { SecurityLogDocument } from '@app/read-store/read-models/audit.read-model';

export class GetSecurityLogQuery extends Query<SecurityLogDocument[]> {
  constructor(
    readonly userId: string,
    /** Only entries older than this log position; null for the newest. */
    readonly before: bigint | null = null,
    readonly limit = 200,
  ) {
    super();
  }
}
