import type { InvitationEvent } from '@app/domain';
import {
  INVITATIONS,
  ORGANIZATIONS,
  type InvitationDocument,
  type OrganizationDocument,
} from '@app/read-store/read-models/organization.read-model';
import type { ProjectedEvent, Projection } from '../projection';

/** Pending invitations, for `GET /orgs/:orgId/invitations` and `GET /me/invitations`. */
export const invitationsProjection: Projection<InvitationDocument, OrganizationDocument | null> = {
  collection: INVITATIONS,
  eventTypes: new Set<InvitationEvent['type']>([
    'MemberInvited',
    'InvitationAccepted',
    'InvitationDeclined',
    'InvitationWithdrawn',
  ]),
  documentIds: (event) => [String(event.data.invitationId)],
  enrich: (event, lookup) =>
    lookup.get<OrganizationDocument>(ORGANIZATIONS.name, String(event.data.organizationId)),
  evolve: (doc, event, organization) => evolveInvitation(doc, event, organization),
};

export function evolveInvitation(
  doc: InvitationDocument | null,
  projected: ProjectedEvent,
  organization: OrganizationDocument | null,
): InvitationDocument | null {
  const event = projected as unknown as InvitationEvent;
  if (event.type !== 'MemberInvited') return null; // answered or withdrawn: it leaves
  if (doc) return doc;
  const { invitationId, organizationId, email, emailHash, role, invitedBy, invitedAt, expiresAt } =
    event.data;
  return {
    id: invitationId,
    organizationId,
    organizationName: organization?.name ?? '',
    emailHash,
    // null once the invitation's data key is gone (replayed after it closed)
    email: typeof email === 'string' ? email : null,
    role,
    invitedBy,
    createdAt: invitedAt,
    expiresAt,
  };
}
