import type { OrganizationEvent } from './organization.events';
import { effectivePermissions, type Feature, type Permission, type Role } from './permissions';

export type Membership = { readonly role: Role; readonly granted: readonly Permission[] };

export type ActiveOrganization = {
  readonly status: 'active';
  readonly organizationId: string;
  readonly name: string;
  readonly members: Readonly<Record<string, Membership>>;
  readonly disabledFeatures: readonly Feature[];
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

function withMember(
  state: ActiveOrganization,
  userId: string,
  membership: Membership | null,
): ActiveOrganization {
  const { [userId]: _previous, ...others } = state.members;
  return { ...state, members: membership ? { ...others, [userId]: membership } : others };
}

export function evolveOrganization(
  state: OrganizationState,
  event: OrganizationEvent,
): OrganizationState {
  if (event.type === 'OrganizationCreated') {
    const { organizationId, name, ownerId } = event.data;
    return {
      status: 'active',
      organizationId,
      name,
      members: { [ownerId]: { role: 'owner', granted: [] } },
      disabledFeatures: [],
    };
  }
  if (state.status !== 'active') return state;
  const current = 'userId' in event.data ? membershipOf(state, event.data.userId) : undefined;
  switch (event.type) {
    case 'MemberAdded':
      return withMember(state, event.data.userId, { role: event.data.role, granted: [] });
    case 'MemberRoleChanged':
      return current
        ? withMember(state, event.data.userId, { ...current, role: event.data.role })
        : state;
    case 'MemberRemoved':
      return withMember(state, event.data.userId, null);
    case 'MemberPermissionsGranted':
      return current
        ? withMember(state, event.data.userId, { ...current, granted: event.data.permissions })
        : state;
    case 'OrganizationFeaturesChanged':
      return { ...state, disabledFeatures: event.data.disabled };
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

export const ownerCount = (state: ActiveOrganization): number =>
  Object.values(state.members).filter((member) => member.role === 'owner').length;
