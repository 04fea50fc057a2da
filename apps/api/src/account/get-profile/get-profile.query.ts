import { Query } from '@nestjs/cqrs';
import type { ProfileDocument } from '@app/read-store/read-models/profile.read-model';

export class GetProfileQuery extends Query<ProfileDocument | null> {
  constructor(readonly userId: string) {
    super();
  }
}
