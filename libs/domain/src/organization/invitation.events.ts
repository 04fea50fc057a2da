import type { Role } from './permissions';

/**
 * Invitations live in the organization's stream: whether an invitation may be accepted is
 * decided on the same state as the membership it creates. The invitee is known by a keyed
 * hash of their email (the same HMAC as the email's reservation stream); the address itself
 * is personal data, encrypted with a data key of the invitation's own, destroyed once the
 * invitation is closed (see PERSONAL_FIELDS).
 */
export type MemberInvited = {
  readonly type: 'MemberInvited';
  readonly data: {
    readonly organizationId: string;
    readonly invitationId: string;
    /** Personal data: encrypted in the log, erased when the invitation closes. */
    readonly email: string;
    readonly emailHash: string;
    readonly role: Role;
    readonly invitedBy: string;
    readonly invitedAt: string;
    readonly expiresAt: string;
  };
};

export type InvitationWithdrawn = {
  readonly type: 'InvitationWithdrawn';
  readonly data: {
    readonly organizationId: string;
    readonly invitationId: string;
    readonly withdrawnBy: string;
    readonly withdrawnAt: string;
  };
};

export type InvitationDeclined = {
  readonly type: 'InvitationDeclined';
  readonly data: {
    readonly organizationId: string;
    readonly invitationId: string;
    readonly userId: string;
    readonly declinedAt: string;
  };
};

/** The invitee accepted: a new membership starts (keys of any earlier one stay dead). */
export type InvitationAccepted = {
  readonly type: 'InvitationAccepted';
  readonly data: {
    readonly organizationId: string;
    readonly invitationId: string;
    readonly userId: string;
    readonly role: Role;
    readonly acceptedAt: string;
  };
};

export type InvitationEvent =
  MemberInvited | InvitationWithdrawn | InvitationDeclined | InvitationAccepted;
