import { Query } from '@nestjs/cqrs';
import type { InvitationDocument } from '@app/read-store/read-models/organization.read-model';

/** Open invitations, found by organization or by the invitee's email hash. */
export class ListInvitationsQuery extends Query<InvitationDocument[]> {
  constructor(
    readonly where: { organizationId: string } | { emailHash: string },
    readonly callerId: string,
  ) {
    super();
  }
}
