import type { MemberRemovalReason } from './organization.events';
import type { Feature, Permission, Role } from './permissions';

/** Who asks, with the permissions they hold here: a member cannot hand out more than that. */
export type Requester = { readonly userId: string; readonly permissions: readonly Permission[] };

type OrgCommand<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Readonly<Data> & { readonly organizationId: string; readonly now: string };
};

export type CreateOrganization = OrgCommand<
  'CreateOrganization',
  { name: string; ownerId: string }
>;
export type AddMember = OrgCommand<
  'AddMember',
  { userId: string; role: Role; requester: Requester }
>;
export type ChangeMemberRole = OrgCommand<
  'ChangeMemberRole',
  { userId: string; role: Role; requester: Requester }
>;
export type RemoveMember = OrgCommand<
  'RemoveMember',
  { userId: string; reason: MemberRemovalReason; requester: Requester | null }
>;
export type GrantMemberPermissions = OrgCommand<
  'GrantMemberPermissions',
  { userId: string; permissions: readonly Permission[]; requester: Requester }
>;
export type ChangeOrganizationFeatures = OrgCommand<
  'ChangeOrganizationFeatures',
  { disabled: readonly Feature[] }
>;

/** Before an account is deleted: the member stops counting as an active owner. */
export type MarkMemberDeparting = OrgCommand<'MarkMemberDeparting', { userId: string }>;
export type CancelMemberDeparture = OrgCommand<'CancelMemberDeparture', { userId: string }>;

export type InviteMember = OrgCommand<
  'InviteMember',
  {
    invitationId: string;
    email: string;
    emailHash: string;
    role: Role;
    /** The account that has this email now, if any: a member cannot be invited again. */
    inviteeUserId: string | null;
    requester: Requester;
  }
>;
export type WithdrawInvitation = OrgCommand<
  'WithdrawInvitation',
  { invitationId: string; requester: Requester }
>;
/** The caller answers an invitation; `emailHash` is the keyed hash of their own email. */
export type AcceptInvitation = OrgCommand<
  'AcceptInvitation',
  { invitationId: string; userId: string; emailHash: string }
>;
export type DeclineInvitation = OrgCommand<
  'DeclineInvitation',
  { invitationId: string; userId: string; emailHash: string }
>;

export type InvitationCommand =
  InviteMember | WithdrawInvitation | AcceptInvitation | DeclineInvitation;

export type OrganizationCommand =
  | CreateOrganization
  | AddMember
  | ChangeMemberRole
  | RemoveMember
  | GrantMemberPermissions
  | ChangeOrganizationFeatures
  | MarkMemberDeparting
  | CancelMemberDeparture
  | InvitationCommand;
