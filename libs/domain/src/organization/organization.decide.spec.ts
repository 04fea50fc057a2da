import { deciderSpec } from '../shared/decider.spec-helper';
import type { Requester } from './organization.commands';
import { organizationDecider } from './organization.decide';
import type { OrganizationEvent } from './organization.events';
import { effectivePermissions, type Role } from './permissions';

const spec = deciderSpec(organizationDecider);
const organizationId = 'o1';
const now = '2026-01-02T00:00:00.000Z';
const created: OrganizationEvent = {
  type: 'OrganizationCreated',
  data: { organizationId, name: 'Acme', ownerId: 'owner', createdAt: '2026-01-01T00:00:00.000Z' },
};
const added = (userId: string, role: Role): OrganizationEvent => ({
  type: 'MemberAdded',
  data: { organizationId, userId, role, addedAt: now },
});
const as = (role: Role, userId: string = role): Requester => ({
  userId,
  permissions: effectivePermissions(role, [], []),
});
const owner = as('owner', 'owner');
const admin = as('admin');
const team = [created, added('admin', 'admin'), added('dev', 'developer')];

describe('organization decider', () => {
  describe('CreateOrganization', () => {
    const command = {
      type: 'CreateOrganization',
      data: { organizationId, name: 'Acme', ownerId: 'owner', now: created.data.createdAt },
    } as const;
    it('given nothing, creates it with its creator as owner', () =>
      spec.given([]).when(command).then([created]));
    it('given it exists, refuses', () =>
      spec.given([created]).when(command).thenThrows('ORGANIZATION_ALREADY_EXISTS'));
  });

  describe('AddMember', () => {
    const add = (userId: string, role: Role, requester = owner) =>
      ({ type: 'AddMember', data: { organizationId, userId, role, requester, now } }) as const;
    it('given a newcomer, adds them', () =>
      spec
        .given([created])
        .when(add('v', 'viewer'))
        .then([added('v', 'viewer')]));
    it('given a member, refuses', () =>
      spec.given(team).when(add('dev', 'viewer')).thenThrows('ALREADY_A_MEMBER'));
    it('given an admin adding an owner, refuses (beyond their own access)', () =>
      spec
        .given(team)
        .when(add('x', 'owner', admin))
        .thenThrows('BEYOND_OWN_PERMISSIONS'));
    it('given an admin adding a developer, adds them', () =>
      spec
        .given(team)
        .when(add('x', 'developer', admin))
        .then([added('x', 'developer')]));
    it('given no organization, refuses', () =>
      spec.given([]).when(add('v', 'viewer')).thenThrows('ORGANIZATION_NOT_FOUND'));
  });

  describe('ChangeMemberRole', () => {
    const change = (userId: string, role: Role, requester = owner) =>
      ({
        type: 'ChangeMemberRole',
        data: { organizationId, userId, role, requester, now },
      }) as const;
    it('given a developer, demotes them to viewer', () =>
      spec
        .given(team)
        .when(change('dev', 'viewer'))
        .then([
          {
            type: 'MemberRoleChanged',
            data: {
              organizationId,
              userId: 'dev',
              role: 'viewer',
              previousRole: 'developer',
              changedAt: now,
            },
          },
        ]));
    it('given the same role, records nothing', () =>
      spec.given(team).when(change('dev', 'developer')).thenNothingHappens());
    it('given a developer holding grants, demotes them and clears the grants', () =>
      spec
        .given([
          ...team,
          {
            type: 'MemberPermissionsGranted',
            data: {
              organizationId,
              userId: 'dev',
              permissions: ['members:write'],
              grantedAt: now,
            },
          },
        ])
        .when(change('dev', 'viewer'))
        .then([
          {
            type: 'MemberRoleChanged',
            data: {
              organizationId,
              userId: 'dev',
              role: 'viewer',
              previousRole: 'developer',
              changedAt: now,
            },
          },
          {
            type: 'MemberGrantsCleared',
            data: {
              organizationId,
              userId: 'dev',
              previous: ['members:write'],
              reason: 'role_changed',
              clearedAt: now,
            },
          },
        ]));
    it('given the last owner, refuses to demote them', () =>
      spec.given(team).when(change('owner', 'admin')).thenThrows('LAST_OWNER'));
    it('given a second owner, lets the first step down', () =>
      spec
        .given([...team, added('o2', 'owner')])
        .when(change('owner', 'admin', as('owner', 'o2')))
        .then([
          {
            type: 'MemberRoleChanged',
            data: {
              organizationId,
              userId: 'owner',
              role: 'admin',
              previousRole: 'owner',
              changedAt: now,
            },
          },
        ]));
    it('given an admin promoting themselves to owner, refuses', () =>
      spec
        .given(team)
        .when(change('admin', 'owner', admin))
        .thenThrows('BEYOND_OWN_PERMISSIONS'));
    it('given an admin demoting an owner, refuses', () =>
      spec
        .given([...team, added('o2', 'owner')])
        .when(change('o2', 'viewer', admin))
        .thenThrows('BEYOND_OWN_PERMISSIONS'));
    it('given a non-member, refuses', () =>
      spec.given(team).when(change('nobody', 'viewer')).thenThrows('MEMBER_NOT_FOUND'));
  });

  describe('RemoveMember', () => {
    const remove = (
      userId: string,
      requester: Requester | null = owner,
      reason: 'removed' | 'account_deleted' = 'removed',
    ) =>
      ({ type: 'RemoveMember', data: { organizationId, userId, reason, requester, now } }) as const;
    it('given a member, removes them', () =>
      spec
        .given(team)
        .when(remove('dev'))
        .then([
          {
            type: 'MemberRemoved',
            data: { organizationId, userId: 'dev', reason: 'removed', removedAt: now },
          },
        ]));
    it('given the last owner, refuses', () =>
      spec.given(team).when(remove('owner')).thenThrows('LAST_OWNER'));
    it('given an admin removing an owner, refuses', () =>
      spec
        .given([...team, added('o2', 'owner')])
        .when(remove('o2', admin))
        .thenThrows('BEYOND_OWN_PERMISSIONS'));
    it('given a non-member, refuses', () =>
      spec.given(team).when(remove('nobody')).thenThrows('MEMBER_NOT_FOUND'));
    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
      'given an id named like an object property (%s), finds no member',
      (userId) => spec.given(team).when(remove(userId)).thenThrows('MEMBER_NOT_FOUND'),
    );
    it('given a deleted account that is no longer a member, records nothing', () =>
      spec
        .given(team)
        .when(remove('nobody', null, 'account_deleted'))
        .thenNothingHappens());
    it('given the sole owner and sole member deleting their account, removes them', () =>
      spec
        .given([created])
        .when(remove('owner', null, 'account_deleted'))
        .then([
          {
            type: 'MemberRemoved',
            data: { organizationId, userId: 'owner', reason: 'account_deleted', removedAt: now },
          },
        ]));
    it('given the sole owner of a team deleting their account, refuses', () =>
      spec
        .given(team)
        .when(remove('owner', null, 'account_deleted'))
        .thenThrows('LAST_OWNER'));
  });

  describe('GrantMemberPermissions', () => {
    const grant = (userId: string, permissions: string[], requester = owner) =>
      ({
        type: 'GrantMemberPermissions',
        data: { organizationId, userId, permissions: permissions as never, requester, now },
      }) as const;
    it('given a developer, grants audit:read', () =>
      spec
        .given(team)
        .when(grant('dev', ['audit:read']))
        .then([
          {
            type: 'MemberPermissionsGranted',
            data: { organizationId, userId: 'dev', permissions: ['audit:read'], grantedAt: now },
          },
        ]));
    it('given the same set in another order, records nothing', () =>
      spec
        .given([
          ...team,
          {
            type: 'MemberPermissionsGranted',
            data: {
              organizationId,
              userId: 'dev',
              permissions: ['members:write', 'audit:read'],
              grantedAt: now,
            },
          },
        ])
        .when(grant('dev', ['audit:read', 'members:write']))
        .thenNothingHappens());
    it('given an admin granting org:write, refuses', () =>
      spec
        .given(team)
        .when(grant('dev', ['org:write'], admin))
        .thenThrows('BEYOND_OWN_PERMISSIONS'));
    it('given a non-member, refuses', () =>
      spec
        .given(team)
        .when(grant('x', ['audit:read']))
        .thenThrows('MEMBER_NOT_FOUND'));
  });

  describe('ChangeOrganizationFeatures', () => {
    const change = (disabled: string[]) =>
      ({
        type: 'ChangeOrganizationFeatures',
        data: { organizationId, disabled: disabled as never, now },
      }) as const;
    it('given all enabled, disables api_keys', () =>
      spec
        .given(team)
        .when(change(['api_keys']))
        .then([
          {
            type: 'OrganizationFeaturesChanged',
            data: { organizationId, disabled: ['api_keys'], changedAt: now },
          },
        ]));
    it('given the same set, records nothing', () =>
      spec.given(team).when(change([])).thenNothingHappens());
    it('given no organization, refuses', () =>
      spec
        .given([])
        .when(change(['audit']))
        .thenThrows('ORGANIZATION_NOT_FOUND'));
  });
});
