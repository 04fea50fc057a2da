import type { CollectionDefinition } from '../read-store.port';

/** One document per organization, id = organizationId. */
export type OrganizationDocument = {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly createdAt: string;
};

export const ORGANIZATIONS: CollectionDefinition = { name: 'organizations_v1', indexes: [] };

/**
 * One document per membership, id = `${organizationId}:${userId}`: the member list of an
 * organization and the organization list of a user, with names kept current from profiles.
 */
export type MemberDocument = {
  readonly id: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly role: string;
  /** Extra permissions on top of the role; absent on documents projected before grants were. */
  readonly grants?: readonly string[];
  readonly joinedAt: string;
};

export const MEMBERS: CollectionDefinition = {
  name: 'members_v1',
  indexes: [['organizationId'], ['userId']],
};

export const memberDocumentId = (organizationId: string, userId: string): string =>
  `${organizationId}:${userId}`;

/**
 * One document per pending invitation, id = invitationId; it leaves when the invitation is
 * accepted, declined or withdrawn (expired ones are filtered when read). The invitee is found
 * by the keyed hash of their email; no name of theirs is known here.
 */
export type InvitationDocument = {
  readonly id: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly emailHash: string;
  readonly email: string | null;
  readonly role: string;
  readonly invitedBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
};

export const INVITATIONS: CollectionDefinition = {
  name: 'invitations_v1',
  indexes: [['organizationId'], ['emailHash']],
};
