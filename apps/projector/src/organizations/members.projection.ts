import type { AccountEvent, OrganizationEvent } from '@app/domain';
import {
  MEMBERS,
  memberDocumentId,
  ORGANIZATIONS,
  type MemberDocument,
  type OrganizationDocument,
} from '@app/read-store/read-models/organization.read-model';
import { PROFILES, type ProfileDocument } from '@app/read-store/read-models/profile.read-model';
import type { DocumentLookup, ProjectedEvent, Projection } from '../projection';

type MemberEvent = OrganizationEvent | AccountEvent;

/** The joining member's profile and the organization's name, read before `evolve`. */
export interface MemberFacts {
  readonly profile: ProfileDocument | null;
  readonly organization: OrganizationDocument | null;
}

const joinerOf = (event: MemberEvent): string | null =>
  event.type === 'OrganizationCreated'
    ? event.data.ownerId
    : event.type === 'MemberAdded' || event.type === 'InvitationAccepted'
      ? event.data.userId
      : null;

export const membersProjection: Projection<MemberDocument, MemberFacts> = {
  collection: MEMBERS,
  eventTypes: new Set<MemberEvent['type']>([
    'OrganizationCreated',
    'MemberAdded',
    'InvitationAccepted',
    'MemberRoleChanged',
    'MemberPermissionsGranted',
    'MemberGrantsCleared',
    'MemberRemoved',
    'NameChanged',
    'AccountDeleted',
  ]),
  documentIds: async (projected, lookup) => {
    const event = projected as unknown as MemberEvent;
    if (event.type === 'NameChanged' || event.type === 'AccountDeleted') {
      return (await lookup.find<MemberDocument>(MEMBERS.name, { userId: event.data.userId })).map(
        (doc) => doc.id,
      );
    }
    if (event.type === 'OrganizationCreated') {
      return [memberDocumentId(event.data.organizationId, event.data.ownerId)];
    }
    if (!('organizationId' in event.data) || !('userId' in event.data)) return [];
    return [memberDocumentId(event.data.organizationId, event.data.userId)];
  },
  enrich: async (projected, lookup: DocumentLookup) => {
    const event = projected as unknown as MemberEvent;
    const joiner = joinerOf(event);
    if (!joiner || !('organizationId' in event.data)) return { profile: null, organization: null };
    return {
      profile: await lookup.get<ProfileDocument>(PROFILES.name, joiner),
      organization: await lookup.get<OrganizationDocument>(
        ORGANIZATIONS.name,
        event.data.organizationId,
      ),
    };
  },
  evolve: (doc, projected, facts) => evolveMember(doc, projected, facts),
};

export function evolveMember(
  doc: MemberDocument | null,
  projected: ProjectedEvent,
  facts: MemberFacts,
): MemberDocument | null {
  const event = projected as unknown as MemberEvent;
  switch (event.type) {
    case 'OrganizationCreated':
    case 'MemberAdded':
    case 'InvitationAccepted': {
      const { profile } = facts;
      if (!profile) return null; // the account is gone (erased before this replay)
      const { organizationId } = event.data;
      const role = event.type === 'OrganizationCreated' ? 'owner' : event.data.role;
      return {
        id: memberDocumentId(organizationId, profile.userId),
        organizationId,
        organizationName:
          event.type === 'OrganizationCreated' ? event.data.name : (facts.organization?.name ?? ''),
        userId: profile.userId,
        email: profile.email,
        firstName: profile.firstName,
        lastName: profile.lastName,
        role,
        grants: [],
        joinedAt:
          event.type === 'OrganizationCreated'
            ? event.data.createdAt
            : event.type === 'MemberAdded'
              ? event.data.addedAt
              : event.data.acceptedAt,
      };
    }
    case 'MemberRoleChanged':
      return doc && { ...doc, role: event.data.role };
    case 'MemberPermissionsGranted':
      return doc && { ...doc, grants: event.data.permissions };
    case 'MemberGrantsCleared':
      return doc && { ...doc, grants: [] };
    case 'NameChanged':
      if (!doc || event.data.firstName === null) return doc;
      return { ...doc, firstName: event.data.firstName, lastName: event.data.lastName };
    case 'MemberRemoved':
    case 'AccountDeleted':
      return null;
    default:
      return doc;
  }
}
