import { assertNever, type Decider } from '../shared/decider';
import type {
  AddMember,
  ChangeMemberRole,
  ChangeOrganizationFeatures,
  CreateOrganization,
  GrantMemberPermissions,
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
  evolveOrganization,
  initialOrganizationState,
  membershipOf,
  ownerCount,
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

function requireActive(state: OrganizationState): ActiveOrganization {
  if (state.status !== 'active') throw new OrganizationNotFound();
  return state;
}

function requireMember(state: ActiveOrganization, userId: string): Membership {
  const member = membershipOf(state, userId);
  if (!member) throw new MemberNotFound();
  return member;
}

/** A member may only hand out, or change someone holding, access they hold themselves. */
function assertWithinReach(requester: Requester, ...wanted: (readonly Permission[])[]): void {
  if (!wanted.every((permissions) => coversAll(requester.permissions, permissions))) {
    throw new BeyondOwnPermissions();
  }
}

const heldBy = (state: ActiveOrganization, userId: string) => permissionsOf(state, userId) ?? [];
const isLastOwner = (state: ActiveOrganization, member: Membership) =>
  member.role === 'owner' && ownerCount(state) === 1;

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
  return [{ type: 'MemberAdded', data: { organizationId, userId, role, addedAt: now } }];
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
  if (isLastOwner(organization, member)) throw new LastOwner();
  const previousRole: Role = member.role;
  return [
    {
      type: 'MemberRoleChanged',
      data: { organizationId, userId, role, previousRole, changedAt: now },
    },
  ];
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
  const othersRemain = Object.keys(organization.members).length > 1;
  if (isLastOwner(organization, member) && (reason === 'removed' || othersRemain))
    throw new LastOwner();
  return [{ type: 'MemberRemoved', data: { organizationId, userId, reason, removedAt: now } }];
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
