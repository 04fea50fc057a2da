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

export type OrganizationEvent =
  | OrganizationCreated
  | MemberAdded
  | MemberRoleChanged
  | MemberRemoved
  | MemberPermissionsGranted
  | OrganizationFeaturesChanged;
