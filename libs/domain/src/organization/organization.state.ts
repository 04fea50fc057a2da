import type { OrganizationEvent } from './organization.events';
import { effectivePermissions, type Feature, type Permission, type Role } from './permissions';

export type Membership = {
  readonly role: Role;
  readonly granted: readonly Permission[];
  /**
   * Which of the organization's joins started this membership (1, 2, ...). A key is bound
   * to the membership it was issued in: a member removed and invited back has a new one.
   */
  readonly epoch: number;
  readonly joinedAt: string;
  /** Their account is being deleted: they no longer count as an active owner. */
  readonly departing: boolean;
};

/** A pending invitation: its invitee is known only by the keyed hash of their email. */
export type Invitation = {
  readonly invitationId: string;
  readonly emailHash: string;
  readonly role: Role;
  readonly invitedBy: string;
  readonly invitedAt: string;
  readonly expiresAt: string;
};

export type ActiveOrganization = {
  readonly status: 'active';
  readonly organizationId: string;
  readonly name: string;
  readonly members: Readonly<Record<string, Membership>>;
  readonly disabledFeatures: readonly Feature[];
  /** How many memberships ever started here: the next join gets `joins + 1`. */
  readonly joins: number;
  /** Invitations neither accepted, declined nor withdrawn (expired ones included). */
  readonly invitations: Readonly<Record<string, Invitation>>;
};

export type OrganizationState = { readonly status: 'none' } | ActiveOrganization;

export const initialOrganizationState = (): OrganizationState => ({ status: 'none' });

/**
 * The membership of a user, looked up as an own property only: user ids come from request
 * paths, and `constructor` or `__proto__` must not find something inherited.
 */
export function membershipOf(state: OrganizationState, userId: string): Membership | undefined {
  if (state.status !== 'active' || !Object.hasOwn(state.members, userId)) return undefined;
  return state.members[userId];
}

/** A pending invitation still open at `now` (own properties only, as for members). */
export function openInvitation(
  state: OrganizationState,
  invitationId: string,
  now: string,
): Invitation | undefined {
  if (state.status !== 'active' || !Object.hasOwn(state.invitations, invitationId))
    return undefined;
  const invitation = state.invitations[invitationId];
  return invitation && Date.parse(invitation.expiresAt) > Date.parse(now) ? invitation : undefined;
}

function withMember(
  state: ActiveOrganization,
  userId: string,
  membership: Membership | null,
): ActiveOrganization {
  const { [userId]: _previous, ...others } = state.members;
  return { ...state, members: membership ? { ...others, [userId]: membership } : others };
}

function withInvitation(
  state: ActiveOrganization,
  invitationId: string,
  invitation: Invitation | null,
): ActiveOrganization {
  const { [invitationId]: _previous, ...others } = state.invitations;
  return {
    ...state,
    invitations: invitation ? { ...others, [invitationId]: invitation } : others,
  };
}

/** A new membership: the next epoch, no grants. */
function joined(state: ActiveOrganization, userId: string, role: Role, at: string) {
  const epoch = state.joins + 1;
  const membership: Membership = { role, granted: [], epoch, joinedAt: at, departing: false };
  return { ...withMember(state, userId, membership), joins: epoch };
}

function evolveInvitation(
  state: ActiveOrganization,
  event: Extract<
    OrganizationEvent,
    { type: 'MemberInvited' | 'InvitationWithdrawn' | 'InvitationDeclined' | 'InvitationAccepted' }
  >,
): ActiveOrganization {
  switch (event.type) {
    case 'MemberInvited': {
      const { invitationId, emailHash, role, invitedBy, invitedAt, expiresAt } = event.data;
      return withInvitation(state, invitationId, {
        invitationId,
        emailHash,
        role,
        invitedBy,
        invitedAt,
        expiresAt,
      });
    }
    case 'InvitationAccepted': {
      const { invitationId, userId, role, acceptedAt } = event.data;
      return joined(withInvitation(state, invitationId, null), userId, role, acceptedAt);
    }
    default:
      return withInvitation(state, event.data.invitationId, null);
  }
}

export function evolveOrganization(
  state: OrganizationState,
  event: OrganizationEvent,
): OrganizationState {
  if (event.type === 'OrganizationCreated') {
    const { organizationId, name, ownerId, createdAt } = event.data;
    const empty: ActiveOrganization = {
      status: 'active',
      organizationId,
      name,
      members: {},
      disabledFeatures: [],
      joins: 0,
      invitations: {},
    };
    return joined(empty, ownerId, 'owner', createdAt);
  }
  if (state.status !== 'active') return state;
  const current = 'userId' in event.data ? membershipOf(state, event.data.userId) : undefined;
  const update = (userId: string, change: Partial<Membership>) =>
    current ? withMember(state, userId, { ...current, ...change }) : state;
  switch (event.type) {
    case 'MemberAdded':
      return joined(state, event.data.userId, event.data.role, event.data.addedAt);
    case 'MemberRoleChanged':
      // Grants survived role changes recorded before MemberGrantsCleared existed: kept here.
      return update(event.data.userId, { role: event.data.role });
    case 'MemberRemoved':
      return withMember(state, event.data.userId, null);
    case 'MemberPermissionsGranted':
      return update(event.data.userId, { granted: event.data.permissions });
    case 'MemberGrantsCleared':
      return update(event.data.userId, { granted: [] });
    case 'MemberDeparting':
      return update(event.data.userId, { departing: true });
    case 'MemberDepartureCancelled':
      return update(event.data.userId, { departing: false });
    case 'OrganizationFeaturesChanged':
      return { ...state, disabledFeatures: event.data.disabled };
    case 'MemberInvited':
    case 'InvitationWithdrawn':
    case 'InvitationDeclined':
    case 'InvitationAccepted':
      return evolveInvitation(state, event);
    default:
      return state;
  }
}

/** A member's effective permissions, or null when the user is not a member. */
export function permissionsOf(state: OrganizationState, userId: string): Permission[] | null {
  if (state.status !== 'active') return null;
  const member = membershipOf(state, userId);
  return member ? effectivePermissions(member.role, member.granted, state.disabledFeatures) : null;
}

/** Owners whose accounts are not being deleted. */
export const activeOwnerCount = (state: ActiveOrganization): number =>
  Object.values(state.members).filter((member) => member.role === 'owner' && !member.departing)
    .length;

/**
 * The owner invariant: an organization with members who stay has an owner who stays.
 * An organization whose every member is leaving may end up empty.
 */
export function keepsAnActiveOwner(state: ActiveOrganization): boolean {
  const staying = Object.values(state.members).filter((member) => !member.departing);
  return staying.length === 0 || staying.some((member) => member.role === 'owner');
}
