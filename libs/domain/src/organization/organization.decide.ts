import { assertNever, type Decider } from '../shared/decider';
import { decideInvitation } from './invitation.decide';
import type {
  AddMember,
  CancelMemberDeparture,
  ChangeMemberRole,
  ChangeOrganizationFeatures,
  CreateOrganization,
  GrantMemberPermissions,
  MarkMemberDeparting,
  OrganizationCommand,
  RemoveMember,
  Requester,
} from './organization.commands';
import {
  AlreadyAMember,
  BeyondOwnPermissions,
  LastOwner,
  MemberNotFound,
  OrganizationAlreadyExists,
  OrganizationNotFound,
} from './organization.errors';
import type { OrganizationEvent } from './organization.events';
import {
  activeOwnerCount,
  evolveOrganization,
  initialOrganizationState,
  keepsAnActiveOwner,
  membershipOf,
  permissionsOf,
  type ActiveOrganization,
  type Membership,
  type OrganizationState,
} from './organization.state';
import {
  coversAll,
  FEATURES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  type Permission,
  type Role,
} from './permissions';

export function requireActive(state: OrganizationState): ActiveOrganization {
  if (state.status !== 'active') throw new OrganizationNotFound();
  return state;
}

function requireMember(state: ActiveOrganization, userId: string): Membership {
  const member = membershipOf(state, userId);
  if (!member) throw new MemberNotFound();
  return member;
}

/** A member may only hand out, or change someone holding, access they hold themselves. */
export function assertWithinReach(
  requester: Requester,
  ...wanted: (readonly Permission[])[]
): void {
  if (!wanted.every((permissions) => coversAll(requester.permissions, permissions))) {
    throw new BeyondOwnPermissions();
  }
}

const heldBy = (state: ActiveOrganization, userId: string) => permissionsOf(state, userId) ?? [];

/** The state these events would lead to. */
export const after = (state: ActiveOrganization, events: readonly OrganizationEvent[]) =>
  events.reduce(evolveOrganization, state as OrganizationState) as ActiveOrganization;

/**
 * Refuses events that would leave members who stay without an owner who stays; with
 * `orEmpty: false`, also those that would leave nobody at all (the last owner cannot walk
 * out of their own organization; only an account deletion may empty it).
 */
function assertOwnerRemains(
  state: ActiveOrganization,
  events: readonly OrganizationEvent[],
  { orEmpty }: { orEmpty: boolean },
): OrganizationEvent[] {
  const next = after(state, events);
  const empty = Object.values(next.members).every((member) => member.departing);
  if (!keepsAnActiveOwner(next) || (empty && !orEmpty && Object.keys(state.members).length > 0))
    throw new LastOwner();
  return [...events];
}

export function create(command: CreateOrganization, state: OrganizationState): OrganizationEvent[] {
  if (state.status !== 'none') throw new OrganizationAlreadyExists();
  const { organizationId, name, ownerId, now } = command.data;
  return [{ type: 'OrganizationCreated', data: { organizationId, name, ownerId, createdAt: now } }];
}

export function addMember(command: AddMember, state: OrganizationState): OrganizationEvent[] {
  const organization = requireActive(state);
  const { organizationId, userId, role, requester, now } = command.data;
  if (membershipOf(organization, userId)) throw new AlreadyAMember();
  assertWithinReach(requester, ROLE_PERMISSIONS[role]);
  return assertOwnerRemains(
    organization,
    [{ type: 'MemberAdded', data: { organizationId, userId, role, addedAt: now } }],
    { orEmpty: false },
  );
}

export function changeRole(
  command: ChangeMemberRole,
  state: OrganizationState,
): OrganizationEvent[] {
  const organization = requireActive(state);
  const { organizationId, userId, role, requester, now } = command.data;
  const member = requireMember(organization, userId);
  if (member.role === role) return [];
  assertWithinReach(requester, heldBy(organization, userId), ROLE_PERMISSIONS[role]);
  const previousRole: Role = member.role;
  const events: OrganizationEvent[] = [
    {
      type: 'MemberRoleChanged',
      data: { organizationId, userId, role, previousRole, changedAt: now },
    },
  ];
  if (member.granted.length > 0) {
    events.push({
      type: 'MemberGrantsCleared',
      data: {
        organizationId,
        userId,
        previous: member.granted,
        reason: 'role_changed',
        clearedAt: now,
      },
    });
  }
  return assertOwnerRemains(organization, events, { orEmpty: false });
}

export function removeMember(command: RemoveMember, state: OrganizationState): OrganizationEvent[] {
  const organization = requireActive(state);
  const { organizationId, userId, reason, requester, now } = command.data;
  const member = membershipOf(organization, userId);
  if (!member) {
    if (reason === 'account_deleted') return [];
    throw new MemberNotFound();
  }
  if (requester) assertWithinReach(requester, heldBy(organization, userId));
  return assertOwnerRemains(
    organization,
    [{ type: 'MemberRemoved', data: { organizationId, userId, reason, removedAt: now } }],
    { orEmpty: reason === 'account_deleted' },
  );
}

/**
 * Serializes account deletions through each organization: the member stops counting as an
 * owner, which is refused when no other active owner would remain for those who stay.
 */
export function markDeparting(
  command: MarkMemberDeparting,
  state: OrganizationState,
): OrganizationEvent[] {
  const organization = requireActive(state);
  const { organizationId, userId, now } = command.data;
  const member = membershipOf(organization, userId);
  if (!member || member.departing) return [];
  const events: OrganizationEvent[] = [
    {
      type: 'MemberDeparting',
      data: { organizationId, userId, reason: 'account_deleted', departingAt: now },
    },
  ];
  // Stricter than the invariant: members still leaving count as staying, since a deletion of
  // theirs that fails is cancelled, and that cancellation must never leave them ownerless.
  const othersRemain = Object.keys(organization.members).length > 1;
  if (othersRemain && activeOwnerCount(after(organization, events)) === 0) throw new LastOwner();
  return events;
}

export function cancelDeparture(
  command: CancelMemberDeparture,
  state: OrganizationState,
): OrganizationEvent[] {
  const organization = requireActive(state);
  const { organizationId, userId, now } = command.data;
  if (!membershipOf(organization, userId)?.departing) return [];
  return [{ type: 'MemberDepartureCancelled', data: { organizationId, userId, cancelledAt: now } }];
}

export function grantPermissions(
  command: GrantMemberPermissions,
  state: OrganizationState,
): OrganizationEvent[] {
  const organization = requireActive(state);
  const { organizationId, userId, requester, now } = command.data;
  const member = requireMember(organization, userId);
  const permissions = PERMISSIONS.filter((permission) =>
    command.data.permissions.includes(permission),
  );
  if (sameSet(member.granted, permissions)) return [];
  assertWithinReach(requester, heldBy(organization, userId), permissions);
  return [
    {
      type: 'MemberPermissionsGranted',
      data: { organizationId, userId, permissions, grantedAt: now },
    },
  ];
}

export function changeFeatures(
  command: ChangeOrganizationFeatures,
  state: OrganizationState,
): OrganizationEvent[] {
  const organization = requireActive(state);
  const { organizationId, now } = command.data;
  const disabled = FEATURES.filter((feature) => command.data.disabled.includes(feature));
  if (sameSet(organization.disabledFeatures, disabled)) return [];
  return [
    { type: 'OrganizationFeaturesChanged', data: { organizationId, disabled, changedAt: now } },
  ];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

export function decideOrganization(
  command: OrganizationCommand,
  state: OrganizationState,
): OrganizationEvent[] {
  switch (command.type) {
    case 'CreateOrganization':
      return create(command, state);
    case 'AddMember':
      return addMember(command, state);
    case 'ChangeMemberRole':
      return changeRole(command, state);
    case 'RemoveMember':
      return removeMember(command, state);
    case 'GrantMemberPermissions':
      return grantPermissions(command, state);
    case 'ChangeOrganizationFeatures':
      return changeFeatures(command, state);
    case 'MarkMemberDeparting':
      return markDeparting(command, state);
    case 'CancelMemberDeparture':
      return cancelDeparture(command, state);
    case 'InviteMember':
    case 'WithdrawInvitation':
    case 'AcceptInvitation':
    case 'DeclineInvitation':
      return decideInvitation(command, state);
    default:
      return assertNever(command);
  }
}

export const organizationDecider: Decider<
  OrganizationState,
  OrganizationCommand,
  OrganizationEvent
> = {
  initialState: initialOrganizationState,
  evolve: evolveOrganization,
  decide: decideOrganization,
};
