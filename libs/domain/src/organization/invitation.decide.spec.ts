import { deciderSpec } from '../shared/decider.spec-helper';
import type { OrganizationCommand, Requester } from './organization.commands';
import { organizationDecider } from './organization.decide';
import type { OrganizationEvent } from './organization.events';
import { effectivePermissions, type Role } from './permissions';

const spec = deciderSpec(organizationDecider);
const organizationId = 'o1';
const now = '2026-01-02T00:00:00.000Z';
const inAWeek = '2026-01-09T00:00:00.000Z';
const created: OrganizationEvent = {
  type: 'OrganizationCreated',
  data: { organizationId, name: 'Acme', ownerId: 'owner', createdAt: '2026-01-01T00:00:00.000Z' },
};
const as = (role: Role, userId: string = role): Requester => ({
  userId,
  permissions: effectivePermissions(role, [], []),
});
const owner = as('owner', 'owner');
const invited = (
  invitationId: string,
  emailHash: string,
  role: Role = 'viewer',
): OrganizationEvent => ({
  type: 'MemberInvited',
  data: {
    organizationId,
    invitationId,
    email: `${emailHash}@example.com`,
    emailHash,
    role,
    invitedBy: 'owner',
    invitedAt: now,
    expiresAt: inAWeek,
  },
});
const accepted = (
  invitationId: string,
  userId: string,
  role: Role = 'viewer',
): OrganizationEvent => ({
  type: 'InvitationAccepted',
  data: { organizationId, invitationId, userId, role, acceptedAt: now },
});
const inviteCommand = (
  emailHash: string,
  role: Role = 'viewer',
  requester = owner,
  inviteeUserId: string | null = null,
): OrganizationCommand => ({
  type: 'InviteMember',
  data: {
    organizationId,
    invitationId: 'i1',
    email: `${emailHash}@example.com`,
    emailHash,
    role,
    inviteeUserId,
    requester,
    now,
  },
});
const answer = (
  type: 'AcceptInvitation' | 'DeclineInvitation',
  emailHash: string,
  at = now,
  userId = 'grace',
): OrganizationCommand => ({
  type,
  data: { organizationId, invitationId: 'i1', userId, emailHash, now: at },
});

describe('organization decider: invitations', () => {
  describe('InviteMember', () => {
    it('given an email, invites it for 7 days', () =>
      spec
        .given([created])
        .when(inviteCommand('h1'))
        .then([invited('i1', 'h1')]));
    it('given a pending invitation to the same email, refuses', () =>
      spec
        .given([created, invited('i0', 'h1')])
        .when(inviteCommand('h1'))
        .thenThrows('ALREADY_INVITED'));
    it('given an expired invitation to the same email, invites again', () =>
      spec
        .given([
          created,
          {
            ...invited('i0', 'h1'),
            data: { ...invited('i0', 'h1').data, expiresAt: now },
          } as OrganizationEvent,
        ])
        .when(inviteCommand('h1'))
        .then([invited('i1', 'h1')]));
    it('given the email of a member, refuses', () =>
      spec
        .given([created, invited('i0', 'h2'), accepted('i0', 'grace')])
        .when(inviteCommand('h2', 'viewer', owner, 'grace'))
        .thenThrows('ALREADY_A_MEMBER'));
    it('given an admin inviting an owner, refuses', () =>
      spec
        .given([created])
        .when(inviteCommand('h1', 'owner', as('admin')))
        .thenThrows('BEYOND_OWN_PERMISSIONS'));
  });

  describe('AcceptInvitation', () => {
    it('given an open invitation to the caller’s email, makes them a member', () =>
      spec
        .given([created, invited('i1', 'h1', 'developer')])
        .when(answer('AcceptInvitation', 'h1'))
        .then([accepted('i1', 'grace', 'developer')]));
    it.each([
      ['addressed to another email', [created, invited('i1', 'h1')], 'h2', now],
      ['expired', [created, invited('i1', 'h1')], 'h1', inAWeek],
      ['unknown', [created], 'h1', now],
      ['already used', [created, invited('i1', 'h1'), accepted('i1', 'grace')], 'h1', now],
      [
        'withdrawn',
        [
          created,
          invited('i1', 'h1'),
          {
            type: 'InvitationWithdrawn',
            data: { organizationId, invitationId: 'i1', withdrawnBy: 'owner', withdrawnAt: now },
          },
        ],
        'h1',
        now,
      ],
      [
        'declined',
        [
          created,
          invited('i1', 'h1'),
          {
            type: 'InvitationDeclined',
            data: { organizationId, invitationId: 'i1', userId: 'grace', declinedAt: now },
          },
        ],
        'h1',
        now,
      ],
      [
        'to an organization whose only owner is leaving',
        [
          created,
          invited('i1', 'h1'),
          {
            type: 'MemberDeparting',
            data: { organizationId, userId: 'owner', reason: 'account_deleted', departingAt: now },
          },
        ],
        'h1',
        now,
      ],
    ] as const)('given an invitation %s, answers not found', (_case, history, hash, at) =>
      spec
        .given(history as readonly OrganizationEvent[])
        .when(answer('AcceptInvitation', hash, at))
        .thenThrows('INVITATION_NOT_FOUND'),
    );
  });

  describe('DeclineInvitation and WithdrawInvitation', () => {
    it('given an open invitation to the caller, declines it', () =>
      spec
        .given([created, invited('i1', 'h1')])
        .when(answer('DeclineInvitation', 'h1'))
        .then([
          {
            type: 'InvitationDeclined',
            data: { organizationId, invitationId: 'i1', userId: 'grace', declinedAt: now },
          },
        ]));
    it('given an invitation to someone else, answers not found', () =>
      spec
        .given([created, invited('i1', 'h1')])
        .when(answer('DeclineInvitation', 'h2'))
        .thenThrows('INVITATION_NOT_FOUND'));
    it('given an open invitation, withdraws it', () =>
      spec
        .given([created, invited('i1', 'h1')])
        .when({
          type: 'WithdrawInvitation',
          data: { organizationId, invitationId: 'i1', requester: owner, now },
        })
        .then([
          {
            type: 'InvitationWithdrawn',
            data: { organizationId, invitationId: 'i1', withdrawnBy: 'owner', withdrawnAt: now },
          },
        ]));
    it('given no such invitation, refuses to withdraw', () =>
      spec
        .given([created])
        .when({
          type: 'WithdrawInvitation',
          data: { organizationId, invitationId: 'i1', requester: owner, now },
        })
        .thenThrows('INVITATION_NOT_FOUND'));
  });
});

describe('organization decider: departures and the owner invariant', () => {
  const depart = (userId: string): OrganizationCommand => ({
    type: 'MarkMemberDeparting',
    data: { organizationId, userId, now },
  });
  const departing = (userId: string): OrganizationEvent => ({
    type: 'MemberDeparting',
    data: { organizationId, userId, reason: 'account_deleted', departingAt: now },
  });
  const coOwned = [
    created,
    invited('i1', 'h1', 'owner'),
    accepted('i1', 'o2', 'owner'),
    invited('i2', 'h2'),
    accepted('i2', 'v'),
  ];
  it('given a co-owner staying, lets an owner leave', () =>
    spec
      .given(coOwned)
      .when(depart('owner'))
      .then([departing('owner')]));
  it('given the other owner already leaving, refuses the second (the invariant holds under races)', () =>
    spec
      .given([...coOwned, departing('o2')])
      .when(depart('owner'))
      .thenThrows('LAST_OWNER'));
  it('given the sole owner and a member whose own deletion is under way, refuses (a cancelled deletion must not be left ownerless)', () =>
    spec
      .given([created, invited('i2', 'h2'), accepted('i2', 'v'), departing('v')])
      .when(depart('owner'))
      .thenThrows('LAST_OWNER'));
  it('given the sole owner and sole member, lets them leave', () =>
    spec
      .given([created])
      .when(depart('owner'))
      .then([departing('owner')]));
  it('given a departure already marked, records nothing', () =>
    spec
      .given([...coOwned, departing('o2')])
      .when(depart('o2'))
      .thenNothingHappens());
  it('given a marked departure, cancels it', () =>
    spec
      .given([...coOwned, departing('o2')])
      .when({ type: 'CancelMemberDeparture', data: { organizationId, userId: 'o2', now } })
      .then([
        {
          type: 'MemberDepartureCancelled',
          data: { organizationId, userId: 'o2', cancelledAt: now },
        },
      ]));
  it('given the other owner leaving, refuses to demote the one who stays', () =>
    spec
      .given([...coOwned, departing('o2')])
      .when({
        type: 'ChangeMemberRole',
        data: { organizationId, userId: 'owner', role: 'admin', requester: owner, now },
      })
      .thenThrows('LAST_OWNER'));
});
