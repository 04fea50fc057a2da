import type {
  AcceptInvitation,
  DeclineInvitation,
  InvitationCommand,
  InviteMember,
  WithdrawInvitation,
} from './organization.commands';
import { assertWithinReach, requireActive } from './organization.decide';
import { AlreadyAMember, AlreadyInvited, InvitationNotFound } from './organization.errors';
import type { OrganizationEvent } from './organization.events';
import {
  evolveOrganization,
  keepsAnActiveOwner,
  membershipOf,
  openInvitation,
  type ActiveOrganization,
  type Invitation,
  type OrganizationState,
} from './organization.state';
import { ROLE_PERMISSIONS } from './permissions';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const invitationExpiryOf = (now: string): string =>
  new Date(Date.parse(now) + INVITATION_TTL_MS).toISOString();

/** Open invitations at `now`, oldest first. */
export function openInvitations(state: OrganizationState, now: string): Invitation[] {
  if (state.status !== 'active') return [];
  return Object.keys(state.invitations)
    .map((invitationId) => openInvitation(state, invitationId, now))
    .filter((invitation): invitation is Invitation => invitation !== undefined)
    .sort((a, b) => a.invitedAt.localeCompare(b.invitedAt));
}

export function invite(command: InviteMember, state: OrganizationState): OrganizationEvent[] {
  const organization = requireActive(state);
  const { organizationId, invitationId, email, emailHash, role, inviteeUserId, requester, now } =
    command.data;
  assertWithinReach(requester, ROLE_PERMISSIONS[role]);
  if (inviteeUserId !== null && membershipOf(organization, inviteeUserId))
    throw new AlreadyAMember();
  if (openInvitations(organization, now).some((open) => open.emailHash === emailHash))
    throw new AlreadyInvited();
  if (Object.hasOwn(organization.invitations, invitationId)) throw new AlreadyInvited();
  return [
    {
      type: 'MemberInvited',
      data: {
        organizationId,
        invitationId,
        email,
        emailHash,
        role,
        invitedBy: requester.userId,
        invitedAt: now,
        expiresAt: invitationExpiryOf(now),
      },
    },
  ];
}

export function withdraw(
  command: WithdrawInvitation,
  state: OrganizationState,
): OrganizationEvent[] {
  const organization = requireActive(state);
  const { organizationId, invitationId, requester, now } = command.data;
  if (!openInvitation(organization, invitationId, now)) throw new InvitationNotFound();
  return [
    {
      type: 'InvitationWithdrawn',
      data: { organizationId, invitationId, withdrawnBy: requester.userId, withdrawnAt: now },
    },
  ];
}

/** The invitation, if it is open and addressed to this email; otherwise it does not exist. */
function addressedInvitation(
  state: OrganizationState,
  command: AcceptInvitation | DeclineInvitation,
): { organization: ActiveOrganization; invitation: Invitation } {
  if (state.status !== 'active') throw new InvitationNotFound();
  const { invitationId, emailHash, now } = command.data;
  const invitation = openInvitation(state, invitationId, now);
  if (!invitation || invitation.emailHash !== emailHash) throw new InvitationNotFound();
  return { organization: state, invitation };
}

export function accept(command: AcceptInvitation, state: OrganizationState): OrganizationEvent[] {
  const { organization, invitation } = addressedInvitation(state, command);
  const { organizationId, invitationId, userId, now } = command.data;
  if (membershipOf(organization, userId)) throw new AlreadyAMember();
  const accepted: OrganizationEvent = {
    type: 'InvitationAccepted',
    data: { organizationId, invitationId, userId, role: invitation.role, acceptedAt: now },
  };
  // An organization whose owners are all leaving is going away: nobody joins it.
  const next = evolveOrganization(organization, accepted) as ActiveOrganization;
  if (!keepsAnActiveOwner(next)) throw new InvitationNotFound();
  return [accepted];
}

export function decline(command: DeclineInvitation, state: OrganizationState): OrganizationEvent[] {
  addressedInvitation(state, command);
  const { organizationId, invitationId, userId, now } = command.data;
  return [
    { type: 'InvitationDeclined', data: { organizationId, invitationId, userId, declinedAt: now } },
  ];
}

export function decideInvitation(
  command: InvitationCommand,
  state: OrganizationState,
): OrganizationEvent[] {
  switch (command.type) {
    case 'InviteMember':
      return invite(command, state);
    case 'WithdrawInvitation':
      return withdraw(command, state);
    case 'AcceptInvitation':
      return accept(command, state);
    case 'DeclineInvitation':
      return decline(command, state);
  }
}
