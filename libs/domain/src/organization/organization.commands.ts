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

export type OrganizationCommand =
  | CreateOrganization
  | AddMember
  | ChangeMemberRole
  | RemoveMember
  | GrantMemberPermissions
  | ChangeOrganizationFeatures;
