import type { InvitationEvent } from './invitation.events';
import type { Feature, Permission, Role } from './permissions';

/** Events of `organization-{organizationId}`. Type strings are the api ↔ projector contract. */
export type OrganizationCreated = {
  readonly type: 'OrganizationCreated';
  readonly data: {
    readonly organizationId: string;
    readonly name: string;
    readonly ownerId: string;
    readonly createdAt: string;
  };
};

export type MemberAdded = {
  readonly type: 'MemberAdded';
  readonly data: {
    readonly organizationId: string;
    readonly userId: string;
    readonly role: Role;
    readonly addedAt: string;
  };
};

export type MemberRoleChanged = {
  readonly type: 'MemberRoleChanged';
  readonly data: {
    readonly organizationId: string;
    readonly userId: string;
    readonly role: Role;
    readonly previousRole: Role;
    readonly changedAt: string;
  };
};

export type MemberRemovalReason = 'removed' | 'account_deleted';

export type MemberRemoved = {
  readonly type: 'MemberRemoved';
  readonly data: {
    readonly organizationId: string;
    readonly userId: string;
    readonly reason: MemberRemovalReason;
    readonly removedAt: string;
  };
};

export type MemberPermissionsGranted = {
  readonly type: 'MemberPermissionsGranted';
  readonly data: {
    readonly organizationId: string;
    readonly userId: string;
    /** The whole set of extra permissions from now on (it replaces the previous set). */
    readonly permissions: readonly Permission[];
    readonly grantedAt: string;
  };
};

export type OrganizationFeaturesChanged = {
  readonly type: 'OrganizationFeaturesChanged';
  readonly data: {
    readonly organizationId: string;
    readonly disabled: readonly Feature[];
    readonly changedAt: string;
  };
};

/**
 * A role change clears the member's grants (recorded apart, so that role changes recorded
 * before this rule still fold to the grants they kept).
 */
export type MemberGrantsCleared = {
  readonly type: 'MemberGrantsCleared';
  readonly data: {
    readonly organizationId: string;
    readonly userId: string;
    readonly previous: readonly Permission[];
    readonly reason: 'role_changed';
    readonly clearedAt: string;
  };
};

/**
 * The member's account is being deleted: from now on they no longer count as an active
 * owner. Recorded on each of their organizations before AccountDeleted, with the expected
 * revision, so owners deleting their accounts at the same moment are serialized here.
 */
export type MemberDeparting = {
  readonly type: 'MemberDeparting';
  readonly data: {
    readonly organizationId: string;
    readonly userId: string;
    readonly reason: 'account_deleted';
    readonly departingAt: string;
  };
};

/** The deletion that announced the departure did not happen after all. */
export type MemberDepartureCancelled = {
  readonly type: 'MemberDepartureCancelled';
  readonly data: {
    readonly organizationId: string;
    readonly userId: string;
    readonly cancelledAt: string;
  };
};

export type OrganizationEvent =
  | OrganizationCreated
  | MemberAdded
  | MemberRoleChanged
  | MemberRemoved
  | MemberPermissionsGranted
  | MemberGrantsCleared
  | MemberDeparting
  | MemberDepartureCancelled
  | OrganizationFeaturesChanged
  | InvitationEvent;
