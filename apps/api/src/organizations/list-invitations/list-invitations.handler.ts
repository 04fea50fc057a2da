import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@app/read-store/read-store.port';
import {
  INVITATIONS,
  type InvitationDocument,
} from '@app/read-store/read-models/organization.read-model';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { ListInvitationsQuery } from './list-invitations.query';

/** Pending invitations, oldest first; expired ones are no longer pending. */
@QueryHandler(ListInvitationsQuery)
export class ListInvitationsHandler implements IQueryHandler<ListInvitationsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly consistency: ReadYourWrites,
  ) {}

  async execute({ where, callerId }: ListInvitationsQuery) {
    await this.consistency.awaitOwnWrites(callerId);
    const now = Date.now();
    const found = await this.readStore.find<InvitationDocument>(INVITATIONS.name, where, {
      sort: [['createdAt', 'asc']],
    });
    return found.filter((invitation) => Date.parse(invitation.expiresAt) > now);
  }
}
